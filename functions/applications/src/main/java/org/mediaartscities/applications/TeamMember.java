package org.mediaartscities.applications;

/**
 * A co-applicant named on an application, when the call allows teams. Personal data: never logged.
 *
 * @param email optional: some teams are reached through the main applicant only
 * @param role optional, e.g. "sound design"
 */
public record TeamMember(String name, String email, String role) {}
