/** Network addresses as IPv8 sees them. Non-null everywhere unless a method says otherwise. */
@NullMarked
package org.jipv8.api.address;

import org.jspecify.annotations.NullMarked;
