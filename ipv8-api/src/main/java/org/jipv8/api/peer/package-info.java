/** Peers: identities and what is known about reaching them. Non-null unless documented. */
package org.jipv8.api.peer;
