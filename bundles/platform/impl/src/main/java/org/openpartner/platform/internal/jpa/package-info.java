/** JPA entities of the platform persistence unit; they never leave this bundle. */
package org.openpartner.platform.internal.jpa;
