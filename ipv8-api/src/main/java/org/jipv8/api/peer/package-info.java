/** Peers: identities and what is known about reaching them. Non-null unless documented. */
@NullMarked
package org.jipv8.api.peer;

import org.jspecify.annotations.NullMarked;
