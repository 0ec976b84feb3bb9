// The council's calendar: English bank holidays, working days, and the dates a meeting's
// papers depend on (the public-questions deadline, the statutory publication date).
#pragma once

#include "papers/dates.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace quorum::pack {

// Dates, their ISO form and their printed texts come from papers/dates.hpp.
using papers::Date;
using papers::date_text_with_weekday;
using papers::parse_iso_date;
using papers::to_iso;
using papers::weekday_name;

// The bank holidays of England and Wales in `year`, in date order: the statutory ones
// (New Year's Day, Good Friday, Easter Monday, early May, spring, summer, Christmas and
// Boxing Day, with substitute days when they fall at a weekend) with the moves and extra
// days proclaimed for particular years (1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023).
std::vector<Date> bank_holidays(int year);

Date easter_sunday(int year);  // Gregorian (anonymous Gregorian algorithm)
bool is_bank_holiday(Date date);
bool is_weekend(Date date);
bool is_working_day(Date date);  // not a weekend, not a bank holiday

// The working day `count` working days before `date` (`date` itself never counts).
Date working_days_before(Date date, int count);

// A date and a time of day ("10:00"), for deadlines.
struct Deadline {
    Date date;
    std::string time;  // "HH:MM", 24-hour
};

// Public questions must reach the governance officer by `time` on the `working_days`th
// working day before the meeting (Barnet's constitution: 10am, third working day).
Deadline public_questions_deadline(Date meeting, int working_days = 3, const std::string& time = "10:00");

// The last day the agenda may be published and still be open to inspection "at least five
// clear days before the meeting" (Local Government Act 1972 s100B(3), as amended in 2002).
// Interpretation: clear days exclude the day of publication and the day of the meeting
// (R v Swansea City Council, ex p Elitestone, 1993) and, following the guidance most
// councils apply, weekends and bank holidays, on which the offices are closed and the
// papers cannot be inspected. Publication itself happens on a working day. So the date is
// the sixth working day before the meeting: Wednesday 7 March 2018 -> Tuesday 27 February
// (clear days 28 Feb, 1, 2, 5 and 6 March).
Date statutory_publication_date(Date meeting, int clear_days = 5);

// Today's date (UTC): the SOURCE_DATE_EPOCH day when that variable is set (reproducible
// builds and tests), else the system clock.
Date today();

}  // namespace quorum::pack
