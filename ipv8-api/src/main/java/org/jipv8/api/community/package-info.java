/** Communities (overlays): the unit of membership and messaging. Non-null unless documented. */
@NullMarked
package org.jipv8.api.community;

import org.jspecify.annotations.NullMarked;
