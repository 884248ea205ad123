package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.ProblemException;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class UploadAdmissionTest {

  private static final long MB = 1024 * 1024;

  /** A budget of 100 MB (a 400 MB heap at a quarter) and no waiting. */
  private static UploadAdmission admission() {
    UploadAdmission admission = new UploadAdmission();
    admission.share = 0.25;
    admission.waitMillis = 0;
    admission.budgetKiB = UploadAdmission.budgetKiB(400 * MB, admission.share);
    admission.budget = new Semaphore(admission.budgetKiB, true);
    return admission;
  }

  @Test
  void uploadsAreAdmittedWhileTheirCopiesFitTheShareOfTheHeap() {
    UploadAdmission admission = admission();

    UploadAdmission.Ticket first = admission.admit(6 * MB);
    UploadAdmission.Ticket second = admission.admit(6 * MB);

    assertThatThrownBy(() -> admission.admit(6 * MB))
        .isInstanceOfSatisfying(
            ProblemException.class,
            busy -> {
              assertThat(busy.problem().status()).isEqualTo(503);
              assertThat(busy.problem().type()).endsWith("photo-uploads-busy");
              assertThat(busy.headers()).containsEntry("Retry-After", "5");
            });
    assertThat(admission.admit(MB / 2)).as("a small photo still fits").isNotNull();
    first.close();
    assertThat(admission.admit(6 * MB)).as("room again once one is done").isNotNull();
    second.close();
  }

  @Test
  void chartsShareTheBudgetWithUploads() {
    UploadAdmission admission = admission();
    UploadAdmission.Ticket upload = admission.admit(6 * MB);
    UploadAdmission.Ticket chart = admission.admitChart(6 * MB);

    assertThatThrownBy(() -> admission.admitChart(6 * MB))
        .isInstanceOfSatisfying(
            ProblemException.class,
            busy -> {
              assertThat(busy.problem().status()).isEqualTo(503);
              assertThat(busy.problem().type()).endsWith("chart-busy");
            });
    upload.close();
    admission.admitChart(6 * MB).close();
    chart.close();
  }

  @Test
  void aTicketGivesItsShareBackOnce() {
    UploadAdmission admission = admission();
    UploadAdmission.Ticket ticket = admission.admit(20 * MB);

    ticket.close();
    ticket.close();

    UploadAdmission.Ticket a = admission.admit(6 * MB);
    UploadAdmission.Ticket b = admission.admit(6 * MB);
    assertThatThrownBy(() -> admission.admit(6 * MB)).isInstanceOf(ProblemException.class);
    a.close();
    b.close();
  }

  @Test
  void anUploadLargerThanTheWholeBudgetRunsAlone() {
    UploadAdmission admission = admission();

    UploadAdmission.Ticket huge = admission.admit(200 * MB);

    assertThatThrownBy(() -> admission.admit(1)).isInstanceOf(ProblemException.class);
    huge.close();
    assertThat(admission.admit(1)).isNotNull();
  }

  @Test
  void theShareMustLeaveTheServerRoom() {
    assertThatThrownBy(() -> UploadAdmission.budgetKiB(512 * MB, 0.9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UploadAdmission.budgetKiB(512 * MB, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UploadAdmission.budgetKiB(512 * MB, 0.35)).isEqualTo((int) (512 * 1024 * 0.35));
  }

  @Test
  void aStreamedUploadHoldsRoomForItsBodyUntilReadThenOnlyItsWorkingSet() {
    UploadAdmission admission = admission(); // 100 MB
    UploadAdmission.Ticket first = admission.admitStream(40 * MB);
    UploadAdmission.Ticket second = admission.admitStream(40 * MB);
    assertThatThrownBy(() -> admission.admitStream(20 * MB))
        .as("two bodies not yet read and their working sets leave no room for a third")
        .isInstanceOf(ProblemException.class);
    first.bodyRead();
    second.bodyRead();
    UploadAdmission.Ticket third = admission.admitStream(40 * MB);
    UploadAdmission.Ticket fourth = admission.admitStream(40 * MB);
    assertThat(admission.budget.availablePermits())
        .as("the two read ones hold their working sets only")
        .isEqualTo(admission.budgetKiB - 2 * 40 * 1024 - 4 * 4 * 1024);
    for (UploadAdmission.Ticket t : new UploadAdmission.Ticket[] {first, second, third, fourth}) {
      t.close();
      t.close(); // given back once
    }
    assertThat(admission.budget.availablePermits()).isEqualTo(admission.budgetKiB);
  }
}
