//! Why a query can match nothing, before the register is asked (issue 11): a filter that
//! no formulary can have is named with what is wrong, on the workstation's filter line as
//! in `kense register`, instead of an empty page that looks like a searched register.

use super::Query;
use crate::codes;
use crate::domain::iin::{Iin, NumberError};
use crate::store::numbers::parse_coupon;

/// Which end of a span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    From,
    To,
}

/// A filter no formulary can match, and why. Holds nothing typed but what the clerk needs
/// to see the mistake (never the IIN or the coupon: personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoMatch {
    /// Not an IIN: its wrong part.
    Iin(NumberError),
    /// Ten digits whose check digit is wrong: a typo (M-57).
    CouponTypo,
    /// A status that is no state of the lifecycle.
    Status,
    /// Not a filling code of M-31.
    FillingCode,
    /// Not a region code of M-App2.
    Region,
    /// No district of that code, in the region given or in any (M-App2).
    District { region: Option<String> },
    /// A date that cannot be read (`DD.MM.YYYY` or `YYYY-MM-DD`).
    Date(Bound),
    /// The first day is after the last.
    Span,
}

impl Query {
    /// The first filter of this query that no formulary can match, if any. Codes are
    /// compared as the query holds them (padded by whoever read them: "08", "053").
    pub fn no_match(&self) -> Option<NoMatch> {
        if let Some(iin) = &self.iin
            && let Err(e) = Iin::parse(iin.trim())
        {
            return Some(NoMatch::Iin(e));
        }
        if let Some(coupon) = &self.coupon
            && parse_coupon(coupon).is_none()
        {
            return Some(NoMatch::CouponTypo);
        }
        if let Some(code) = &self.filling_code
            && !codes::filling_codes().iter().any(|f| f.code == code.trim())
        {
            return Some(NoMatch::FillingCode);
        }
        let region = self.region_code.as_deref().map(str::trim);
        if let Some(region) = region
            && !codes::districts().iter().any(|d| d.region_code == region)
        {
            return Some(NoMatch::Region);
        }
        if let Some(district) = &self.district_code {
            let known = codes::districts().iter().any(|d| {
                d.district_code == district.trim() && region.is_none_or(|r| d.region_code == r)
            });
            if !known {
                return Some(NoMatch::District {
                    region: region.map(str::to_string),
                });
            }
        }
        match (self.from, self.to) {
            (Some(from), Some(to)) if from > to => Some(NoMatch::Span),
            _ => None,
        }
    }
}
