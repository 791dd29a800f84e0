/** Bootstrapping: how a node finds its first peers. Non-null unless documented. */
package org.jipv8.api.bootstrap;
