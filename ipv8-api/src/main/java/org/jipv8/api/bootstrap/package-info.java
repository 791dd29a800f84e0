/** Bootstrapping: how a node finds its first peers. Non-null unless documented. */
@NullMarked
package org.jipv8.api.bootstrap;

import org.jspecify.annotations.NullMarked;
