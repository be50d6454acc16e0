package org.mediaartscities.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /admin/calls/{id}/form}, as sent: the shape of {@code ApplicationForm}, with nothing
 * assumed (any list or map may hold nulls) so that {@link FormRules} can name the path of each fault. The
 * {@code version} a client read is accepted and ignored: the server numbers versions.
 */
@JsonIgnoreProperties(value = {"version"}, allowGetters = false)
record FormInput(List<FieldInput> fields, Boolean onePerEmail, Integer maxTeamMembers, List<CriterionInput> criteria,
    Boolean blindReview) {

  record FieldInput(String id, String type, Boolean required, Map<String, String> label, Map<String, String> help,
      Integer minWords, Integer maxWords, List<ChoiceInput> choices, List<String> fileTypes, Long maxFileBytes,
      Integer maxFiles) {}

  record ChoiceInput(String value, Map<String, String> label) {}

  record CriterionInput(String id, Map<String, String> name, Double weight, Integer scale) {}
}
