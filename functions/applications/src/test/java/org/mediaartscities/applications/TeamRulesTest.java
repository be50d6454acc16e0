package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.SubmissionWindowTest.refusal;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.content.ApplicationForm;

/** The co-applicants of a save: how many, and each one's name, email and role. */
class TeamRulesTest {

  private static final ApplicationForm TEAMS_OF_THREE =
      org.mediaartscities.shared.json.Json.read("{\"maxTeamMembers\": 2}", ApplicationForm.class);
  private static final ApplicationForm INDIVIDUALS =
      org.mediaartscities.shared.json.Json.read("{\"maxTeamMembers\": 0}", ApplicationForm.class);

  @Test
  void membersAreCleanedAsOneLineFieldsAndBlankOnesBecomeAbsent() {
    var team = TeamRules.check(TEAMS_OF_THREE, List.of(new TeamMember(" Ana\u202E Lima\n", " ", "son\u0000"),
        new TeamMember("Kenji", "kenji@example.org", null)));

    assertThat(team).containsExactly(new TeamMember("Ana Lima", null, "son"),
        new TeamMember("Kenji", "kenji@example.org", null));
  }

  @Test
  void aTeamHasAtMostTheCallsLimit() {
    var three = List.of(new TeamMember("A", null, null), new TeamMember("B", null, null),
        new TeamMember("C", null, null));

    assertThat(TeamRules.check(TEAMS_OF_THREE, three.subList(0, 2))).hasSize(2);
    assertThat(refusal(() -> TeamRules.check(TEAMS_OF_THREE, three)).field()).isEqualTo("team");
    assertThat(refusal(() -> TeamRules.check(INDIVIDUALS, three.subList(0, 1))).getMessage())
        .contains("individual applications only");
  }

  @Test
  void eachMemberNeedsANameAndAPlausibleEmailIfAny() {
    var noName = new ArrayList<TeamMember>();
    noName.add(new TeamMember("A", null, null));
    noName.add(new TeamMember("\u202E\u0001", null, null));
    var nobody = new ArrayList<TeamMember>();
    nobody.add(null);

    assertThat(refusal(() -> TeamRules.check(TEAMS_OF_THREE, noName)).field()).isEqualTo("team[1].name");
    assertThat(refusal(() -> TeamRules.check(TEAMS_OF_THREE, List.of(new TeamMember("A", "nope", null)))).field())
        .isEqualTo("team[0].email");
    assertThat(refusal(() -> TeamRules.check(TEAMS_OF_THREE, nobody)).field()).isEqualTo("team[0]");
    assertThat(refusal(() -> TeamRules.check(TEAMS_OF_THREE, List.of(new TeamMember("A", null, "r".repeat(101)))))
        .field()).isEqualTo("team[0].role");
  }

  @Test
  void aMemberReadsAsOneLine() {
    assertThat(TeamRules.describe(new TeamMember("Ana Lima", "ana@example.org", "son")))
        .isEqualTo("Ana Lima <ana@example.org> (son)");
    assertThat(TeamRules.describe(new TeamMember("Kenji Mori", null, null))).isEqualTo("Kenji Mori");
  }
}
