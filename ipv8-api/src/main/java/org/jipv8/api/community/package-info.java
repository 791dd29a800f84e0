/** Communities (overlays): the unit of membership and messaging. Non-null unless documented. */
package org.jipv8.api.community;
