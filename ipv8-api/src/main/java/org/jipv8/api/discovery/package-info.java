/** Discovery strategies and their contract with the scheduler. Non-null unless documented. */
@NullMarked
package org.jipv8.api.discovery;

import org.jspecify.annotations.NullMarked;
