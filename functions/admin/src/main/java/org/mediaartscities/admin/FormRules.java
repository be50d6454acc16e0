package org.mediaartscities.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mediaartscities.admin.FormInput.ChoiceInput;
import org.mediaartscities.admin.FormInput.CriterionInput;
import org.mediaartscities.admin.FormInput.FieldInput;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.text.FieldRules;

/**
 * Every rule a call's application form must meet, in one place: the admin API's {@code PUT /admin/calls/{id}/form}
 * and the sample data's forms go through it. Each fault is a 400 naming its JSON path
 * ({@code fields[3].choices[1].value}, {@code criteria[0].weight}), so an editor's client can point at it.
 */
final class FormRules {

  static final int MAX_FIELDS = 50;
  static final int MAX_CHOICES = 50;
  static final int MAX_CRITERIA = 20;
  static final int MAX_LANGUAGES = 30;
  static final int MAX_ID = 40;
  static final int MAX_LABEL = 300;
  static final int MAX_HELP = 1_000;
  static final int MAX_CHOICE_VALUE = 100;
  /** Matches the applicants' longest answer (20,000 characters): more words than that cannot be asked for. */
  static final int MAX_WORDS = 3_000;
  static final int MAX_TEAM_MEMBERS = 20;
  static final int MAX_FILES = 20;
  /** Reviewers get a sanitised copy of each file, made in a Lambda function's memory: keep files well below it. */
  static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
  static final double MAX_WEIGHT = 100;
  static final int MIN_SCALE = 2;
  static final int MAX_SCALE = 100;

  private static final Set<String> CHOICE_TYPES = Set.of("single-choice", "multiple-choice");
  // Answers' words are counted for long texts only (AnswerRules): a limit elsewhere would never apply.
  private static final Set<String> WORD_COUNTED_TYPES = Set.of("long-text");
  private static final String FILE = "file";

  private FormRules() {}

  /**
   * The form {@code input} describes, cleaned, at version 1 (the caller numbers it).
   *
   * @param originalLanguage the call's original language: every label and criterion name must be given in it
   */
  static ApplicationForm form(FormInput input, String originalLanguage) {
    if (input == null) {
      throw ApiException.invalid("body", "The form is a JSON object with 'fields'.");
    }
    List<FieldInput> fieldInput = InputFields.list("fields", input.fields(), MAX_FIELDS, "fields");
    if (fieldInput.isEmpty()) {
      throw ApiException.invalid("fields", "A form asks at least one question.");
    }
    var fields = new ArrayList<ApplicationForm.Field>();
    var ids = new HashSet<String>();
    for (int i = 0; i < fieldInput.size(); i++) {
      ApplicationForm.Field field = field("fields[" + i + "]", fieldInput.get(i), originalLanguage);
      if (!ids.add(field.id())) {
        throw ApiException.invalid("fields[" + i + "].id", "Two fields have the id '" + field.id() + "'.");
      }
      fields.add(field);
    }
    List<CriterionInput> criterionInput = InputFields.list("criteria", input.criteria(), MAX_CRITERIA, "criteria");
    var criteria = new ArrayList<ApplicationForm.Criterion>();
    var criterionIds = new HashSet<String>();
    for (int i = 0; i < criterionInput.size(); i++) {
      ApplicationForm.Criterion criterion = criterion("criteria[" + i + "]", criterionInput.get(i),
          originalLanguage);
      if (!criterionIds.add(criterion.id())) {
        throw ApiException.invalid("criteria[" + i + "].id", "Two criteria have the id '" + criterion.id() + "'.");
      }
      criteria.add(criterion);
    }
    Integer team = input.maxTeamMembers();
    if (team != null && (team < 0 || team > MAX_TEAM_MEMBERS)) {
      throw ApiException.invalid("maxTeamMembers", "'maxTeamMembers' is from 0 (individual applications only) to "
          + MAX_TEAM_MEMBERS + ".");
    }
    return new ApplicationForm(fields, input.onePerEmail(), team, criteria, input.blindReview(), 1);
  }

  private static ApplicationForm.Field field(String path, FieldInput in, String originalLanguage) {
    if (in == null) {
      throw ApiException.invalid(path, "Each field is an object with an id, a type and a label.");
    }
    String id = id(path + ".id", in.id());
    String type = InputFields.required(path + ".type", in.type());
    if (!ApplicationForm.TYPES.contains(type)) {
      throw ApiException.invalid(path + ".type", "'" + shown(type) + "' is not a field type; use one of "
          + String.join(", ", ApplicationForm.TYPES) + ".");
    }
    Map<String, String> label = texts(path + ".label", in.label(), originalLanguage, MAX_LABEL, FieldRules::oneLine);
    Map<String, String> help = texts(path + ".help", in.help(), null, MAX_HELP, FieldRules::multiLine);
    words(path, type, in.minWords(), in.maxWords());
    List<ApplicationForm.Choice> choices = choices(path, type, in.choices(), originalLanguage);
    List<String> fileTypes = fileTypes(path, type, in);
    return new ApplicationForm.Field(id, type, in.required(), label, help, in.minWords(), in.maxWords(), choices,
        fileTypes, in.maxFileBytes(), in.maxFiles());
  }

  private static void words(String path, String type, Integer min, Integer max) {
    if (!WORD_COUNTED_TYPES.contains(type)) {
      if (min != null || max != null) {
        String name = path + (min != null ? ".minWords" : ".maxWords");
        throw ApiException.invalid(name, "Word limits are for long-text fields only.");
      }
      return;
    }
    if (min != null && (min < 0 || min > MAX_WORDS)) {
      throw ApiException.invalid(path + ".minWords", "'minWords' is from 0 to " + MAX_WORDS + ".");
    }
    if (max != null && (max < 1 || max > MAX_WORDS)) {
      throw ApiException.invalid(path + ".maxWords", "'maxWords' is from 1 to " + MAX_WORDS + ".");
    }
    if (min != null && max != null && min > max) {
      throw ApiException.invalid(path + ".maxWords", "'maxWords' is at least 'minWords' (" + min + ").");
    }
  }

  private static List<ApplicationForm.Choice> choices(String path, String type, List<ChoiceInput> input,
      String originalLanguage) {
    if (!CHOICE_TYPES.contains(type)) {
      // Empty lists are what GET sends for a field without choices: a client may send back what it read.
      if (input != null && !input.isEmpty()) {
        throw ApiException.invalid(path + ".choices", "Choices are for single-choice and multiple-choice fields only.");
      }
      return List.of();
    }
    List<ChoiceInput> list = InputFields.list(path + ".choices", input, MAX_CHOICES, "choices");
    if (list.isEmpty()) {
      throw ApiException.invalid(path + ".choices", "A " + type + " field offers at least one choice.");
    }
    var choices = new ArrayList<ApplicationForm.Choice>();
    var values = new HashSet<String>();
    for (int j = 0; j < list.size(); j++) {
      String choicePath = path + ".choices[" + j + "]";
      ChoiceInput choice = list.get(j);
      if (choice == null) {
        throw ApiException.invalid(choicePath, "Each choice is an object with a value and a label.");
      }
      String value = InputFields.required(choicePath + ".value",
          InputFields.oneLine(choicePath + ".value", choice.value(), MAX_CHOICE_VALUE));
      if (!values.add(value)) {
        throw ApiException.invalid(choicePath + ".value", "Two choices have the value '" + value + "'.");
      }
      choices.add(new ApplicationForm.Choice(value, texts(choicePath + ".label", choice.label(), originalLanguage,
          MAX_LABEL, FieldRules::oneLine)));
    }
    return choices;
  }

  private static List<String> fileTypes(String path, String type, FieldInput in) {
    if (!type.equals(FILE)) {
      String misplaced = in.fileTypes() != null && !in.fileTypes().isEmpty() ? ".fileTypes" : in.maxFileBytes() != null ? ".maxFileBytes"
          : in.maxFiles() != null ? ".maxFiles" : null;
      if (misplaced != null) {
        throw ApiException.invalid(path + misplaced, "File limits are for file fields only.");
      }
      return List.of();
    }
    List<String> accepted = InputFields.list(path + ".fileTypes", in.fileTypes(), FileSignature.values().length,
        "file types");
    if (accepted.isEmpty()) {
      throw ApiException.invalid(path + ".fileTypes", "A file field names the types it accepts, e.g. "
          + "[\"application/pdf\"].");
    }
    var types = new LinkedHashSet<String>();
    for (int k = 0; k < accepted.size(); k++) {
      String contentType = accepted.get(k);
      if (contentType == null || FileSignature.ofContentType(contentType).isEmpty()) {
        throw ApiException.invalid(path + ".fileTypes[" + k + "]", "'" + shown(contentType) + "' is not a type "
            + "the site can check; use " + String.join(", ", knownFileTypes()) + ".");
      }
      if (!types.add(contentType)) {
        throw ApiException.invalid(path + ".fileTypes[" + k + "]", "'" + contentType + "' is listed twice.");
      }
    }
    Long bytes = in.maxFileBytes();
    if (bytes != null && (bytes < 1 || bytes > MAX_FILE_BYTES)) {
      throw ApiException.invalid(path + ".maxFileBytes", "'maxFileBytes' is from 1 to " + MAX_FILE_BYTES
          + " (50 MB).");
    }
    Integer files = in.maxFiles();
    if (files != null && (files < 1 || files > MAX_FILES)) {
      throw ApiException.invalid(path + ".maxFiles", "'maxFiles' is from 1 to " + MAX_FILES + ".");
    }
    return List.copyOf(types);
  }

  private static ApplicationForm.Criterion criterion(String path, CriterionInput in, String originalLanguage) {
    if (in == null) {
      throw ApiException.invalid(path, "Each criterion is an object with an id and a name.");
    }
    String id = id(path + ".id", in.id());
    Map<String, String> name = texts(path + ".name", in.name(), originalLanguage, MAX_LABEL, FieldRules::oneLine);
    Double weight = in.weight();
    if (weight != null && (!Double.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT)) {
      throw ApiException.invalid(path + ".weight", "'weight' is a number above 0, at most " + (int) MAX_WEIGHT
          + ".");
    }
    Integer scale = in.scale();
    if (scale != null && (scale < MIN_SCALE || scale > MAX_SCALE)) {
      throw ApiException.invalid(path + ".scale", "'scale' (scores go from 1 to it) is from " + MIN_SCALE + " to "
          + MAX_SCALE + ".");
    }
    return new ApplicationForm.Criterion(id, name, weight, scale);
  }

  // Ids key the answers and scores stored with applications: short, and safe in paths, CSV headers and file names.
  private static String id(String path, String id) {
    if (id == null || id.length() > MAX_ID || !FieldRules.isSlug(id)) {
      throw ApiException.invalid(path, "An id is lower-case letters, digits and single hyphens, at most " + MAX_ID
          + " characters, e.g. artist-statement.");
    }
    return id;
  }

  /**
   * Texts per language, cleaned, keyed by canonical language tags.
   *
   * @param requiredLanguage the language that must be present, or null when the map is optional
   */
  private static Map<String, String> texts(String path, Map<String, String> input, String requiredLanguage, int max,
      UnaryOperator<String> cleaning) {
    if (input == null || input.isEmpty()) {
      if (requiredLanguage == null) {
        return Map.of();
      }
      throw ApiException.invalid(path + "." + requiredLanguage, "Give it in the call's original language ("
          + requiredLanguage + "), e.g. {\"" + requiredLanguage + "\": \"…\"}.");
    }
    if (input.size() > MAX_LANGUAGES) {
      throw ApiException.invalid(path, "At most " + MAX_LANGUAGES + " languages.");
    }
    var texts = new LinkedHashMap<String, String>();
    for (var entry : input.entrySet()) {
      String textPath = path + "." + shown(entry.getKey());
      String lang = LanguageTags.canonical(entry.getKey()).orElseThrow(() -> ApiException.invalid(textPath,
          "'" + shown(entry.getKey()) + "' is not a language tag such as fr, en or pt-BR."));
      String clean = cleaning.apply(entry.getValue());
      if (clean == null || clean.isEmpty()) {
        throw ApiException.invalid(textPath, "A text is needed here; leave the language out instead.");
      }
      if (clean.length() > max) {
        throw ApiException.invalid(textPath, "At most " + max + " characters (" + clean.length() + " now).");
      }
      if (texts.put(lang, clean) != null) {
        throw ApiException.invalid(textPath, "Two texts are for the same language " + lang + ".");
      }
    }
    if (requiredLanguage != null && !texts.containsKey(requiredLanguage)) {
      throw ApiException.invalid(path + "." + requiredLanguage, "Give it in the call's original language ("
          + requiredLanguage + ") too.");
    }
    return texts;
  }

  private static List<String> knownFileTypes() {
    return java.util.Arrays.stream(FileSignature.values()).map(FileSignature::contentType).toList();
  }

  // A value echoed in a message is cut short: messages are read by people, and must not carry a whole body back.
  private static String shown(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
