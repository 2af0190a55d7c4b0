/** The console's Profiles pages: the agent's search-as-you-type and the profile view, over the profile API. */
package dev.cdpconsole.admin.profile;
