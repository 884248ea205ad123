package com.directorline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The components' dependencies as the source code states them, and the rules they must keep. Read
 * from the imports: with no fully qualified name inline in the code ({@link #inlineNames}), the
 * imports are every dependency a class has on another package. Compile-time constants (the role
 * names in {@code @RolesAllowed}) are inlined into the bytecode, so the source is the honest record
 * of what depends on what.
 *
 * <p>Every rule returns what breaks it, empty when kept, so a test can show both that the code
 * keeps a rule and that the rule catches a planted violation.
 */
final class ComponentRules {

  static final String BASE = "com.directorline.";
  static final Set<String> LAYERS = Set.of("boundary", "control", "entity");

  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.])((?:com|java|javax|jakarta|org)\\.(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*)");

  private ComponentRules() {}

  /** One source file: where it is and what it says. */
  record Source(String name, String text) {

    String packageName() {
      Matcher m = PACKAGE.matcher(text);
      return m.find() ? m.group(1) : "";
    }

    /** The classes (or static members) of this application it imports. */
    List<String> applicationImports() {
      List<String> imports = new ArrayList<>();
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        if (m.group(1).startsWith(BASE)) {
          imports.add(m.group(1));
        }
      }
      return imports;
    }
  }

  static List<Source> read(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      List<Source> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(new Source(root.relativize(file).toString(), Files.readString(file)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The component a package belongs to: {@code emergencies} for {@code ...emergencies.control}. */
  static String component(String name) {
    if (!name.startsWith(BASE)) {
      return "";
    }
    String rest = name.substring(BASE.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** The layer a package or class is in, or "" for a component's root. */
  static String layer(String name) {
    for (String part : name.split("\\.")) {
      if (LAYERS.contains(part)) {
        return part;
      }
    }
    return "";
  }

  /** Which component uses which, from every import across components. */
  static Map<String, Set<String>> componentGraph(List<Source> sources) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Source source : sources) {
      String from = component(source.packageName());
      if (from.isEmpty()) {
        continue;
      }
      graph.computeIfAbsent(from, c -> new TreeSet<>());
      for (String imported : source.applicationImports()) {
        String to = component(imported);
        if (!to.equals(from)) {
          graph.get(from).add(to);
        }
      }
    }
    return graph;
  }

  /** Imports of a boundary from an entity or a control, of any component. */
  static List<String> entitiesOrControlsImportingBoundaries(List<Source> sources) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      String from = layer(source.packageName());
      if (!from.equals("entity") && !from.equals("control")) {
        continue;
      }
      for (String imported : source.applicationImports()) {
        if (layer(imported).equals("boundary")) {
          found.add(source.name() + " imports " + imported);
        }
      }
    }
    return found;
  }

  /** Imports from {@code component} of anything outside {@code allowed}. */
  static List<String> importsOutside(List<Source> sources, String component, Set<String> allowed) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      if (!component(source.packageName()).equals(component)) {
        continue;
      }
      for (String imported : source.applicationImports()) {
        if (!allowed.contains(component(imported))) {
          found.add(source.name() + " imports " + imported);
        }
      }
    }
    return found;
  }

  /** A cycle between components, as a path that returns to its start, if there is one. */
  static Optional<List<String>> cycle(Map<String, Set<String>> graph) {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1 on the path, 2 done
    for (String start : graph.keySet()) {
      Deque<String> path = new ArrayDeque<>();
      Optional<List<String>> found = visit(start, graph, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> visit(
      String node, Map<String, Set<String>> graph, Map<String, Integer> state, Deque<String> path) {
    Integer seen = state.get(node);
    if (seen != null && seen == 2) {
      return Optional.empty();
    }
    path.addLast(node);
    if (seen != null && seen == 1) {
      List<String> loop = new ArrayList<>(path);
      return Optional.of(loop.subList(loop.indexOf(node), loop.size()));
    }
    state.put(node, 1);
    for (String next : graph.getOrDefault(node, Set.of())) {
      Optional<List<String>> found = visit(next, graph, state, path);
      if (found.isPresent()) {
        return found;
      }
    }
    state.put(node, 2);
    path.removeLast();
    return Optional.empty();
  }

  /** Fully qualified class names written inline in code (not in imports, comments or strings). */
  static List<String> inlineNames(Source source) {
    List<String> found = new ArrayList<>();
    boolean inComment = false;
    String[] lines = source.text().split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String trimmed = line.strip();
      if (trimmed.startsWith("import ") || trimmed.startsWith("package ")) {
        continue;
      }
      String code = line.replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
      if (inComment) {
        int end = code.indexOf("*/");
        if (end < 0) {
          continue;
        }
        inComment = false;
        code = code.substring(end + 2);
      }
      int open = code.indexOf("/*");
      if (open >= 0) {
        inComment = code.indexOf("*/", open + 2) < 0;
        code = code.substring(0, open);
      }
      int lineComment = code.indexOf("//");
      if (lineComment >= 0) {
        code = code.substring(0, lineComment);
      }
      Matcher m = QUALIFIED.matcher(code);
      while (m.find()) {
        found.add(source.name() + ":" + (n + 1) + " " + m.group(1));
      }
    }
    return found;
  }

  /** The components as docs/architecture.md draws and lists them. */
  record Documented(Map<String, Integer> rows, Map<String, Set<String>> uses) {}

  private static final Pattern ROW = Pattern.compile("^\\s*(\\d+)\\s+([a-z][a-z ]*)$");
  private static final Pattern TABLE_ROW =
      Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|\\s*$");

  /**
   * Reads the first code block after "## Components" (rows of components, a number then names) and
   * the table after it (component, job, the components it uses, or "—").
   */
  static Documented documented(String markdown) {
    String section = markdown.substring(markdown.indexOf("## Components"));
    section = section.substring(0, nextHeading(section));
    Map<String, Integer> rows = new TreeMap<>();
    String block = section.substring(section.indexOf("```") + 3);
    block = block.substring(0, block.indexOf("```"));
    for (String line : block.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        for (String name : m.group(2).trim().split("\\s+")) {
          rows.put(name, Integer.parseInt(m.group(1)));
        }
      }
    }
    Map<String, Set<String>> uses = new TreeMap<>();
    for (String line : section.split("\n")) {
      Matcher m = TABLE_ROW.matcher(line);
      if (m.matches()) {
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("`([a-z]+)`").matcher(m.group(2));
        while (names.find()) {
          used.add(names.group(1));
        }
        uses.put(m.group(1), used);
      }
    }
    return new Documented(rows, uses);
  }

  private static int nextHeading(String section) {
    int next = section.indexOf("\n## ", 3);
    return next < 0 ? section.length() : next;
  }

  /** Where the code and the documentation disagree, and where the drawing breaks its own rule. */
  static List<String> differences(Map<String, Set<String>> actual, Documented docs) {
    Set<String> found = new LinkedHashSet<>();
    Set<String> components = new TreeSet<>(actual.keySet());
    components.addAll(docs.uses().keySet());
    components.addAll(docs.rows().keySet());
    for (String component : components) {
      if (!actual.containsKey(component)) {
        found.add(component + " is documented but is not in the code");
        continue;
      }
      if (!docs.rows().containsKey(component)) {
        found.add(component + " is not drawn in a row");
      }
      if (!docs.uses().containsKey(component)) {
        found.add(component + " has no line in the table");
        continue;
      }
      for (String used : actual.get(component)) {
        if (!docs.uses().get(component).contains(used)) {
          found.add(component + " uses " + used + ", which the table does not say");
        }
        notDownwards(component, used, docs).ifPresent(found::add);
      }
      for (String used : docs.uses().get(component)) {
        if (!actual.get(component).contains(used)) {
          found.add(component + " is documented to use " + used + ", but does not");
        }
        notDownwards(component, used, docs).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }

  /** A use of a component on the same row or above, which the drawing forbids. */
  private static Optional<String> notDownwards(String component, String used, Documented docs) {
    Integer from = docs.rows().get(component);
    Integer to = docs.rows().get(used);
    if (from != null && to != null && to >= from) {
      return Optional.of(component + " (row " + from + ") uses " + used + " (row " + to + ")");
    }
    return Optional.empty();
  }
}
