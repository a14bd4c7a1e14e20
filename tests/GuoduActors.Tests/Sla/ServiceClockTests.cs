using GuoduActors.Grains.Sla;
using GuoduActors.Sla;
using static GuoduActors.Tests.Sla.SlaTestData;

namespace GuoduActors.Tests.Sla;

public sealed class ServiceClockTests
{
    private static readonly BusinessHoursClock Clock = BusinessClock;

    [Fact]
    public void TheCalendarClockAddsPlainElapsedTimeAndAnswersInUtc()
    {
        var start = Cst(2026, 3, 6, 17);

        var due = CalendarClock.Instance.Add(start, TimeSpan.FromHours(26));

        Assert.Equal(Cst(2026, 3, 7, 19), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(TimeSpan.FromHours(26), CalendarClock.Instance.Between(start, due));
    }

    [Fact]
    public void ATwoHourBusinessTargetFromFridayFivePmIsDueMondayHalfPastNine()
    {
        var due = Clock.Add(Cst(2026, 3, 6, 17), TimeSpan.FromHours(2));

        Assert.Equal(Cst(2026, 3, 9, 9, 30), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void TheLunchBreakDoesNotCount()
    {
        Assert.Equal(Cst(2026, 3, 5, 14, 30), Clock.Add(Cst(2026, 3, 5, 11), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), Clock.Between(Cst(2026, 3, 5, 11), Cst(2026, 3, 5, 14, 30)));
    }

    [Fact]
    public void ATicketRegisteredOutOfHoursStartsCountingAtTheNextWindow()
    {
        Assert.Equal(Cst(2026, 3, 9, 9, 30), Clock.Add(Cst(2026, 3, 7, 10), TimeSpan.FromHours(1)));
        Assert.Equal(Cst(2026, 3, 10, 9, 30), Clock.Add(Cst(2026, 3, 9, 22), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AMakeUpSaturdayCountsAsAWorkingDay()
    {
        Assert.Equal(Cst(2026, 2, 14, 9, 30), Clock.Add(Cst(2026, 2, 13, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ATargetSpanningThe2026SpringFestivalSkipsTheWholeBreak()
    {
        // Friday 13 Feb 09:00: 7.5 h that day, 8 h on the make-up Saturday, nothing from 15 to 23 Feb,
        // 8 h on each of 24–27 Feb and the make-up Saturday 28 Feb, then half an hour on Monday 2 March.
        var start = Cst(2026, 2, 13, 9);
        var sevenWorkingDays = Clock.WorkingTimeFor(TimeSpan.FromDays(7));

        var due = Clock.Add(start, sevenWorkingDays);

        Assert.Equal(TimeSpan.FromHours(56), sevenWorkingDays);
        Assert.Equal(Cst(2026, 3, 2, 9), due);
        Assert.Equal(sevenWorkingDays, Clock.Between(start, due));
    }

    [Fact]
    public void BetweenAndAddAreInversesOverManyRandomStarts()
    {
        var random = new Random(20261128);
        var first = Cst(2024, 1, 1, 0);
        for (var i = 0; i < 2000; i++)
        {
            var start = first + TimeSpan.FromMinutes(random.Next(0, 3 * 365 * 24 * 60)) + TimeSpan.FromTicks(random.Next());
            var duration = TimeSpan.FromMinutes(random.Next(1, 15 * 8 * 60)) + TimeSpan.FromTicks(random.Next());

            var due = Clock.Add(start, duration);

            Assert.Equal(duration, Clock.Between(start, due));
            Assert.Equal(-duration, Clock.Between(due, start));
            Assert.Equal(due, Clock.Add(start, Clock.Between(start, due)));
            Assert.Equal(duration, Clock.Between(Clock.Add(due, -duration), due));
            Assert.True(IsInsideWorkingHours(due), $"{start:o} + {duration} gave {due:o}, outside working hours.");
        }
    }

    [Fact]
    public void PausingAndResumingCarriesTheRemainingWorkingTime()
    {
        // Registered Monday 2 March 09:00 with two working days: due Wednesday 09:00.
        var due = Clock.Add(Cst(2026, 3, 2, 9), TimeSpan.FromHours(16));
        Assert.Equal(Cst(2026, 3, 4, 9), due);

        // Waiting on the resident from Monday 14:00 (3.5 h used) until Thursday 10:00.
        var remaining = Clock.Between(Cst(2026, 3, 2, 14), due);
        var resumedDue = Clock.Add(Cst(2026, 3, 5, 10), remaining);

        Assert.Equal(TimeSpan.FromHours(12.5), remaining);
        Assert.Equal(Cst(2026, 3, 6, 16), resumedDue);
    }

    [Fact]
    public void PausingOnTheCalendarClockMovesTheDeadlineByThePauseLength()
    {
        var clock = CalendarClock.Instance;
        var due = clock.Add(Cst(2026, 3, 2, 9), TimeSpan.FromDays(3));

        var remaining = clock.Between(Cst(2026, 3, 3, 9), due);
        var resumedDue = clock.Add(Cst(2026, 3, 4, 21), remaining);

        Assert.Equal(due + TimeSpan.FromHours(36), resumedDue);
    }

    [Fact]
    public void AnOverdueTicketStaysOverdueByTheSameAmountAfterAPause()
    {
        var due = Cst(2026, 3, 2, 10);

        var remaining = Clock.Between(Cst(2026, 3, 2, 15), due);
        var resumedDue = Clock.Add(Cst(2026, 3, 4, 9), remaining);

        // 3.5 working hours before Wednesday 09:00: half an hour that morning, three on Tuesday afternoon.
        Assert.Equal(TimeSpan.FromHours(-3.5), remaining);
        Assert.Equal(Cst(2026, 3, 3, 15), resumedDue);
    }

    [Fact]
    public void FifteenWorkingDaysOverTheNationalDayBreakLandOnTheRightDay()
    {
        // 120 working hours from Wednesday 30 Sept 09:00: 7.5 h that day, nothing 1–7 Oct, 8 h on each of 8, 9,
        // 10 (make-up Saturday), 12–16, 19–23 and 26 Oct, and the last half hour on the morning of 27 Oct.
        var due = Clock.Add(Cst(2026, 9, 30, 9), Clock.WorkingTimeFor(TimeSpan.FromDays(15)));

        Assert.Equal(Cst(2026, 10, 27, 9), due);
    }

    [Fact]
    public void OverlappingOfficeHoursAreRefused()
    {
        WorkingWindow[] hours = [new(new TimeOnly(8, 30), new TimeOnly(12, 0)), new(new TimeOnly(11, 0), new TimeOnly(18, 0))];

        Assert.Throws<ArgumentException>(() => new BusinessHoursClock(Holidays, hours));
    }

    private static bool IsInsideWorkingHours(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TicketIds.ChinaStandardTime).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return Holidays.IsWorkingDay(DateOnly.FromDateTime(local))
            && Clock.Hours.Any(w => w.Start < time && time <= w.End);
    }
}
