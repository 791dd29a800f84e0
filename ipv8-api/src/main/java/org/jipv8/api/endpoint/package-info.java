/** Transports of datagrams. Non-null everywhere unless a method says otherwise. */
package org.jipv8.api.endpoint;
