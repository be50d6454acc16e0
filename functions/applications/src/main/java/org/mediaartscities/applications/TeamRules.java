package org.mediaartscities.applications;

import java.util.ArrayList;
import java.util.List;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.text.FieldRules;

/** Checks the co-applicants of a save against the call's limit; errors name the member and field. */
public final class TeamRules {

  private TeamRules() {}

  /** The team, cleaned; {@code team} replaces the saved one as a whole. */
  public static List<TeamMember> check(ApplicationForm form, List<TeamMember> team) {
    if (team.size() > form.maxTeamMembers()) {
      throw ApiException.invalid("team", form.maxTeamMembers() == 0 ? "This call takes individual applications only."
          : "This call takes at most " + form.maxTeamMembers() + " team members besides you.");
    }
    var clean = new ArrayList<TeamMember>();
    for (int i = 0; i < team.size(); i++) {
      TeamMember member = team.get(i);
      String at = "team[" + i + "].";
      if (member == null) {
        throw ApiException.invalid("team[" + i + "]", "Each team member is an object with a name.");
      }
      String name = text(at + "name", member.name(), 200);
      if (name == null) {
        throw ApiException.invalid(at + "name", "Each team member needs a name.");
      }
      String email = text(at + "email", member.email(), 254);
      if (email != null && !FieldRules.isEmailAddress(email)) {
        throw ApiException.invalid(at + "email", "This is not an email address.");
      }
      clean.add(new TeamMember(name, email, text(at + "role", member.role(), 100)));
    }
    return clean;
  }

  /** One member as a line of text: {@code Ana Lima <ana@example.org> (sound design)}. */
  public static String describe(TeamMember member) {
    return member.name() + (member.email() == null ? "" : " <" + member.email() + ">")
        + (member.role() == null ? "" : " (" + member.role() + ")");
  }

  private static String text(String field, String value, int max) {
    String clean = FieldRules.oneLine(value);
    if (clean == null || clean.isEmpty()) {
      return null;
    }
    if (clean.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' has at most " + max + " characters.");
    }
    return clean;
  }
}
