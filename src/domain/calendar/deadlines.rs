//! The deadlines of both documents, in working days (see the parent module for the count).

use super::{CalendarError, add_working_days, is_working_day};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// M-12.a: the request to the civil registry for a copy of a missing birth record goes out
/// within two working days.
const M12A_REQUEST_DAYS: u32 = 2;
/// M-16: additional identity verification within three working days…
const M16_VERIFICATION_DAYS: u32 = 3;
/// …then the conclusion within two working days.
const M16_CONCLUSION_DAYS: u32 = 2;
/// D-6: an application is processed in one working day.
const D6_PROCESSING_DAYS: u32 = 1;
/// D-App2: the provider works Mon–Fri 09:00–18:30; an application filed later is after
/// working hours (D-6).
const D_APP2_CLOSING: NaiveTime = match NaiveTime::from_hms_opt(18, 30, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// M-12.a: the day by which the request to the civil registry (РАГС) must be sent, when the
/// birth record is absent from ИС ЗАГС; `start` is the day the parent applied.
pub fn m12a_registry_request_due(start: NaiveDate) -> Result<NaiveDate, CalendarError> {
    add_working_days(start, M12A_REQUEST_DAYS)
}

/// The two deadlines of M-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct M16Due {
    /// The end of the additional identity verification (3 working days).
    pub verification_due: NaiveDate,
    /// The end of the conclusion (2 working days counted from the end of the verification).
    pub conclusion_due: NaiveDate,
}

/// M-16: the deadlines of an additional identity verification started on `start` (the day
/// the doubt arose) and of the conclusion that follows it. The conclusion's two days run
/// from the day the verification is due, so an early verification never shortens the whole.
pub fn m16_due(start: NaiveDate) -> Result<M16Due, CalendarError> {
    let verification_due = add_working_days(start, M16_VERIFICATION_DAYS)?;
    Ok(M16Due {
        verification_due,
        conclusion_due: add_working_days(verification_due, M16_CONCLUSION_DAYS)?,
    })
}

/// D-6: the day an application received at `received_at` (local time) is registered.
///
/// The day it arrives, if that is a working day and it came by the provider's closing time
/// (18:30, D-App2; 18:30 itself is still working hours); else the next working day. One
/// received before opening (09:00) on a working day is registered that same day: the rule
/// moves only applications filed after hours, on a day off or a holiday, to the next day.
pub fn d6_registration_day(received_at: NaiveDateTime) -> Result<NaiveDate, CalendarError> {
    let day = received_at.date();
    if is_working_day(day)? && received_at.time() <= D_APP2_CLOSING {
        Ok(day)
    } else {
        add_working_days(day, 1)
    }
}

/// The registration day and the deadline of a D-6 application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct D6Due {
    /// The day the application is taken (registered).
    pub registered_on: NaiveDate,
    /// The end of processing: one working day after registration.
    pub result_due: NaiveDate,
}

/// D-6: when an application received at `received_at` is registered, and by when its result
/// is due (one working day after registration).
pub fn d6_result_due(received_at: NaiveDateTime) -> Result<D6Due, CalendarError> {
    let registered_on = d6_registration_day(received_at)?;
    Ok(D6Due {
        registered_on,
        result_due: add_working_days(registered_on, D6_PROCESSING_DAYS)?,
    })
}

/// D-App2: the front office (the State Corporation) works Monday to Saturday, 09:00–20:00:
/// whether it is open on `date` — not on a Sunday nor on a day off of the calendar (a
/// holiday, a weekday a holiday moved to, a transferred day off); a Saturday or Sunday
/// made a working day is open.
pub fn front_office_open(date: NaiveDate) -> Result<bool, CalendarError> {
    use chrono::{Datelike, Weekday};
    // `is_working_day` checks that the year is covered.
    let working = is_working_day(date)?;
    Ok(match super::listed_day(date) {
        Some(day) => !day.kind.is_day_off(),
        None => working || date.weekday() == Weekday::Sat,
    })
}

/// D-6: a result the front office passed back to the provider and asked for later is sent
/// back within one working day of the request.
pub fn d6_return_due(requested_on: NaiveDate) -> Result<NaiveDate, CalendarError> {
    add_working_days(requested_on, 1)
}

/// The body a D-12 complaint is filed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// The service provider (the territorial state-revenue body).
    Provider,
    /// The front office (the State Corporation).
    FrontOffice,
    /// The authorized body for assessing the quality of public services.
    QualityBody,
}

impl Body {
    /// D-12: working days the body has to consider a complaint.
    pub fn complaint_days(self) -> u32 {
        match self {
            Body::Provider | Body::FrontOffice => 5,
            Body::QualityBody => 15,
        }
    }
}

/// D-12: the day by which a complaint registered on `registered` must be considered.
pub fn d12_complaint_due(registered: NaiveDate, body: Body) -> Result<NaiveDate, CalendarError> {
    add_working_days(registered, body.complaint_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_app2_closing_time_is_18_30_not_the_fallback() {
        assert_eq!(
            Some(D_APP2_CLOSING),
            NaiveTime::from_hms_opt(18, 30, 0),
            "D-App2"
        );
    }

    #[test]
    fn d12_days_by_body() {
        assert_eq!(Body::Provider.complaint_days(), 5, "D-12");
        assert_eq!(Body::FrontOffice.complaint_days(), 5, "D-12");
        assert_eq!(Body::QualityBody.complaint_days(), 15, "D-12");
    }

    #[test]
    fn body_serializes_in_snake_case() {
        let json = serde_json::to_string(&Body::QualityBody).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(json, "\"quality_body\"");
    }
}
