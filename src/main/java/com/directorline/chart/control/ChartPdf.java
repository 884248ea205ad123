package com.directorline.chart.control;

import com.directorline.chart.entity.Chart;
import com.directorline.clinical.entity.ChecklistView;
import com.directorline.clinical.entity.IncidentDetails;
import com.directorline.clinical.entity.IncidentRecordView;
import com.directorline.clinical.entity.OrderView;
import com.directorline.emergencies.entity.EmergencyView;
import com.directorline.emergencies.entity.TimelineView;
import com.directorline.followups.entity.FollowUpStatus;
import com.directorline.followups.entity.FollowUpView;
import com.directorline.identity.entity.Person;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The chart as a PDF a clinic files in its EHR: US Letter pages with wide margins, Liberation Sans
 * embedded (so it prints the same everywhere), and every page footed with the clinic, the emergency
 * and "page n of m". Photos go in as stored (JPEG without re-encoding), scaled to the column.
 */
@ApplicationScoped
public class ChartPdf {

  private static final byte[] REGULAR = font("liberation/LiberationSans-Regular.ttf");
  private static final byte[] BOLD = font("liberation/LiberationSans-Bold.ttf");

  private static byte[] font(String resource) {
    try (InputStream in = ChartPdf.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the chart's font " + resource + " is not packaged");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] render(Chart chart) {
    try (PDDocument document = new PDDocument()) {
      PDFont regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR));
      PDFont bold = PDType0Font.load(document, new ByteArrayInputStream(BOLD));
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Emergency chart " + chart.emergency().id());
      info.setCreator("DirectorLine");
      Writer w = new Writer(document, regular, bold, chart);
      write(chart, w);
      w.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Chart chart, Writer w) throws IOException {
    EmergencyView e = chart.emergency();
    w.title("Emergency chart: " + words(e.complication().name()));
    if (e.drill()) {
      w.warning("DRILL: a practice run, not a real patient.");
    }
    w.field("Status", words(e.status().name()));
    w.field("Clinic", chart.clinicName());
    w.field("Emergency", e.id().toString());
    w.field("Patient reference", e.patientRef());
    w.field("Patient initials", e.patientInitials());
    w.field("Injector", person(e.injector()));
    w.field("Medical director", person(e.director()));
    w.field("Launched", w.time(e.launchedAt()));
    w.field("Accepted", w.time(e.acceptedAt()));
    w.field("Video connected", w.time(e.connectedAt()));
    w.field("Ended", w.time(e.endedAt()));
    w.field("Outcome", e.outcome() == null ? null : words(e.outcome().name()));
    w.field("Note at launch", e.note());
    w.field("Summary at the end", e.summary());

    record(chart.record(), w);
    orders(chart.orders(), w);
    checklist(chart.checklist(), w);

    followUps(chart.followUps(), w);

    w.heading("Consent basis");
    w.field("Basis", words(e.consentBasis().name()));
    w.field("Consent record", e.consentId() == null ? null : e.consentId().toString());
    w.field("Reason for the emergency exception", e.consentExceptionReason());

    w.heading("Timeline");
    for (TimelineView t : chart.timeline()) {
      w.paragraph(
          w.time(t.at())
              + "  "
              + words(t.type().name())
              + (t.actor() == null ? "" : " by " + t.actor())
              + (t.detail() == null ? "" : ": " + readable(t.detail())));
    }

    w.heading("Photos");
    if (chart.photos().isEmpty()) {
      w.paragraph("No photos were taken.");
    }
    int n = 0;
    for (Chart.ChartPhoto photo : chart.photos()) {
      n++;
      w.image(photo.bytes(), "photo-" + n);
      w.paragraph(
          "Photo "
              + n
              + (photo.followUpId() == null
                  ? ""
                  : " (follow-up " + followUpNumber(chart.followUps(), photo.followUpId()) + ")")
              + (photo.caption() == null ? "" : ": " + photo.caption())
              + ". Taken "
              + w.time(photo.capturedAt() == null ? photo.receivedAt() : photo.capturedAt())
              + (photo.capturedAt() == null ? " (time received)" : "")
              + ". SHA-256 "
              + photo.sha256());
    }
  }

  private static void record(IncidentRecordView view, Writer w) throws IOException {
    w.heading("Incident record");
    switch (view.status()) {
      case "SIGNED" -> {
        IncidentRecordView.SignatureView s = view.signature();
        w.strong(
            "Signed electronically by "
                + s.signedByName()
                + " on "
                + w.time(s.signedAt())
                + " (version "
                + view.version()
                + ").");
        w.paragraph(
            "SHA-256 of the signed content: "
                + s.sha256()
                + (s.intact() ? " (verified)" : " (DOES NOT MATCH THE STORED CONTENT)"));
      }
      case "DRAFT" -> w.warning("DRAFT: not signed by the medical director.");
      default -> w.warning("No incident record has been written.");
    }
    IncidentDetails r = view.record();
    w.field("Procedure", r.procedure());
    w.field("Product", r.product());
    w.field("Lot", r.lot());
    w.field("Volume", r.volume());
    w.field("Site(s)", r.sites());
    w.field("Time of the treatment", w.time(r.treatedAt()));
    w.field("Time of onset", w.time(r.onsetAt()));
    w.field("Signs", r.signs());
    w.field("What was done", r.actionsTaken());
    w.field(
        "Patient informed",
        r.patientInformed() == null
            ? null
            : r.patientInformed()
                ? "yes" + (r.informedBy() == null ? "" : ", by " + r.informedBy())
                : "no");
    w.field("Disposition", r.disposition() == null ? null : r.disposition().label());
    w.field("Follow-up plan", r.followUpPlan());
    w.field("Notes", r.notes());
    if (!view.addenda().isEmpty()) {
      w.subheading("Addenda");
      for (IncidentRecordView.AddendumView a : view.addenda()) {
        w.paragraph(w.time(a.at()) + " by " + a.byName() + ": " + a.text());
      }
    }
  }

  /** The follow-ups, numbered by due time; their photos are among the photos, marked. */
  private static void followUps(List<FollowUpView> followUps, Writer w) throws IOException {
    w.heading("Follow-ups");
    if (followUps.isEmpty()) {
      w.paragraph("No follow-up was planned.");
    }
    int n = 0;
    for (FollowUpView f : followUps) {
      n++;
      w.paragraph(
          n
              + ". "
              + f.what()
              + " Due "
              + w.time(f.dueAt())
              + ", assigned to "
              + f.assigneeName()
              + ". "
              + (f.status() == FollowUpStatus.DONE
                  ? "Done "
                      + w.time(f.completedAt())
                      + " by "
                      + f.completedByName()
                      + ": "
                      + f.outcome()
                      + switch (f.photoIds().size()) {
                        case 0 -> "";
                        case 1 -> " (1 photo)";
                        default -> " (" + f.photoIds().size() + " photos)";
                      }
                  : words(f.status().name()) + "."));
    }
  }

  private static int followUpNumber(List<FollowUpView> followUps, UUID id) {
    for (int i = 0; i < followUps.size(); i++) {
      if (followUps.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static void orders(List<OrderView> orders, Writer w) throws IOException {
    w.heading("Orders");
    if (orders.isEmpty()) {
      w.paragraph("No medication was ordered.");
    }
    for (OrderView o : orders) {
      w.paragraph(
          o.number()
              + ". "
              + o.summary()
              + ". Ordered "
              + w.time(o.orderedAt())
              + " by "
              + o.orderedByName()
              + ". "
              + ("GIVEN".equals(o.status())
                  ? "Given "
                      + w.time(o.givenAt())
                      + ", read back by "
                      + o.confirmedByName()
                      + " at "
                      + w.time(o.confirmedAt())
                      + "."
                  : "NOT CONFIRMED AS GIVEN."));
    }
  }

  private static void checklist(ChecklistView c, Writer w) throws IOException {
    w.heading("Checklist");
    if (c.protocolId() == null) {
      w.paragraph("The clinic had no written protocol for this complication.");
      return;
    }
    w.paragraph(
        "Protocol: "
            + c.title()
            + ", version "
            + c.version()
            + (c.example() ? " (an example not adopted by the medical director)" : "")
            + ". "
            + c.done()
            + " of "
            + c.total()
            + " steps done.");
    for (ChecklistView.ChecklistStep s : c.steps()) {
      StringBuilder line =
          new StringBuilder((s.done() ? "[x] " : "[  ] ") + s.step() + ". " + s.text());
      if (s.repeatSeconds() != null) {
        line.append(" (every ").append(s.repeatSeconds()).append(" s)");
      }
      String separator = " — ";
      for (ChecklistView.ChecklistTickView t : s.ticks()) {
        line.append(separator)
            .append(w.time(t.at()))
            .append(" by ")
            .append(t.byName())
            .append(t.finding() == null ? "" : ": " + t.finding());
        separator = "; ";
      }
      w.paragraph(line.toString());
    }
  }

  /** A detail that is a constant (VASCULAR_OCCLUSION, RESOLVED_ON_SITE) in words; else as is. */
  private static String readable(String detail) {
    return detail.matches("[A-Z][A-Z_]+") ? words(detail) : detail;
  }

  private static String person(Person p) {
    if (p == null) {
      return null;
    }
    return p.displayName() + (p.phone() == null || p.phone().isBlank() ? "" : ", " + p.phone());
  }

  private static String words(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** Flowing text on Letter pages: wraps lines, starts a page when one is full, feet them all. */
  private static final class Writer {

    private static final float MARGIN = 54;
    private static final float SIZE = 10;
    private static final float LEADING = 13.5f;
    private static final PDRectangle PAGE = PDRectangle.LETTER;

    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    private final Chart chart;
    private final DateTimeFormatter clock;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream out;
    private float y;

    Writer(PDDocument document, PDFont regular, PDFont bold, Chart chart) throws IOException {
      this.document = document;
      this.regular = regular;
      this.bold = bold;
      this.chart = chart;
      this.clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(chart.zone());
      newPage();
    }

    String time(Instant at) {
      return at == null ? null : clock.format(at) + " " + chart.zone().getId();
    }

    void title(String text) throws IOException {
      lines(text, bold, 16, 20);
      y -= 4;
    }

    void heading(String text) throws IOException {
      space(LEADING * 3);
      y -= 8;
      lines(text, bold, 13, 17);
      // A rule under the heading, clear of its descenders.
      out.moveTo(MARGIN, y - 5);
      out.lineTo(PAGE.getWidth() - MARGIN, y - 5);
      out.setLineWidth(0.5f);
      out.stroke();
      y -= 8;
    }

    void subheading(String text) throws IOException {
      y -= 4;
      lines(text, bold, 11, 15);
    }

    void strong(String text) throws IOException {
      lines(text, bold, SIZE, LEADING);
    }

    void warning(String text) throws IOException {
      lines(text, bold, 11, 15);
    }

    void paragraph(String text) throws IOException {
      lines(text, regular, SIZE, LEADING);
      y -= 2;
    }

    /** A label and its value; an empty value is shown as a dash, so a gap is visible. */
    void field(String label, String value) throws IOException {
      lines(
          label + ": " + (value == null || value.isBlank() ? "—" : value), regular, SIZE, LEADING);
    }

    void image(byte[] bytes, String name) throws IOException {
      PDImageXObject image = PDImageXObject.createFromByteArray(document, bytes, name);
      float maxWidth = PAGE.getWidth() - 2 * MARGIN;
      float maxHeight = 300;
      float scale =
          Math.min(1f, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
      float width = image.getWidth() * scale;
      float height = image.getHeight() * scale;
      space(height + 2 * LEADING);
      y -= height;
      out.drawImage(image, MARGIN, y, width, height);
      y -= 6;
    }

    private void lines(String text, PDFont font, float size, float leading) throws IOException {
      float width = PAGE.getWidth() - 2 * MARGIN;
      for (String paragraph : clean(text, font).split("\n", -1)) {
        for (String line : wrap(paragraph, font, size, width)) {
          space(leading);
          y -= leading;
          out.beginText();
          out.setFont(font, size);
          out.newLineAtOffset(MARGIN, y);
          out.showText(line);
          out.endText();
        }
      }
    }

    private List<String> wrap(String text, PDFont font, float size, float width)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word longer than the line (a digest, a URL) is cut where it must be.
        while (width(word, font, size) > width) {
          int cut = word.length() - 1;
          while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      lines.add(line.toString());
      return lines;
    }

    private static float width(String text, PDFont font, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** Text the font can show: tabs as spaces, other control characters and unknown glyphs as ?. */
    private String clean(String text, PDFont font) {
      StringBuilder shown = new StringBuilder(text.length());
      text.replace("\r\n", "\n")
          .codePoints()
          .forEach(
              cp -> {
                if (cp == '\n') {
                  shown.append('\n');
                } else if (cp == '\t') {
                  shown.append("    ");
                } else if (Character.isISOControl(cp) || !canShow(cp, font)) {
                  shown.append('?');
                } else {
                  shown.appendCodePoint(cp);
                }
              });
      return shown.toString();
    }

    private boolean canShow(int codePoint, PDFont font) {
      return printable.computeIfAbsent(
          codePoint,
          cp -> {
            try {
              font.encode(new String(Character.toChars(cp)));
              return true;
            } catch (IOException | IllegalArgumentException e) {
              return false;
            }
          });
    }

    private void space(float needed) throws IOException {
      if (y - needed < MARGIN + 24) {
        newPage();
      }
    }

    private void newPage() throws IOException {
      if (out != null) {
        out.close();
      }
      PDPage page = new PDPage(PAGE);
      document.addPage(page);
      pages.add(page);
      out = new PDPageContentStream(document, page);
      y = PAGE.getHeight() - MARGIN;
    }

    /** Closes the last page and feet every page: who, which emergency, page n of m. */
    void finish() throws IOException {
      out.close();
      int total = pages.size();
      for (int i = 0; i < total; i++) {
        try (PDPageContentStream foot =
            new PDPageContentStream(
                document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
          String text =
              clean(
                  chart.clinicName()
                      + " · emergency "
                      + chart.emergency().id()
                      + " · printed "
                      + time(chart.generatedAt())
                      + " by "
                      + chart.generatedBy()
                      + " · page "
                      + (i + 1)
                      + " of "
                      + total,
                  regular);
          foot.beginText();
          foot.setFont(regular, 7.5f);
          foot.newLineAtOffset(MARGIN, MARGIN - 18);
          foot.showText(text);
          foot.endText();
          foot.beginText();
          foot.setFont(regular, 7.5f);
          foot.newLineAtOffset(MARGIN, MARGIN - 28);
          foot.showText("Confidential: protected health information.");
          foot.endText();
        }
      }
    }
  }
}
