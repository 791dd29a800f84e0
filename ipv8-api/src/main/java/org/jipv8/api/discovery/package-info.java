/** Discovery strategies and their contract with the scheduler. Non-null unless documented. */
package org.jipv8.api.discovery;
