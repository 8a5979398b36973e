//! `country`: an officially assigned ISO 3166-1 alpha-2 code, in upper case. Code `country`.
//!
//! The 249 officially assigned codes only (as of ISO 3166-1:2020 and its newsletters up to 2024).
//! Refused on purpose:
//! - lower or mixed case (`us`, `Us`): the APIs this crate models send upper case;
//! - user-assigned codes (`AA`, `QM`..`QZ`, `XA`..`XZ`, `ZZ`), **including `XK`**: Kosovo's
//!   code is a user-assigned code used by the European Commission and others, not an ISO
//!   assignment. Services that accept it can allow it with a `custom` rule;
//! - exceptionally reserved codes (`UK`, `EU`, `UN`, `AC`, `IC`, `TA`, …), transitionally
//!   reserved and deleted codes (`AN`, `YU`, `CS`, …).
//!
//! The check is a lookup in a 26×26 bitmap.

use super::Text;
use crate::error::RuleError;

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted.
pub const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Row `first - b'A'`, bit `second - b'A'`: set for every code of [`ASSIGNED`].
const BITMAP: [u32; 26] = {
    let mut rows = [0u32; 26];
    let mut i = 0;
    while i < ASSIGNED.len() {
        let code = ASSIGNED[i].as_bytes();
        rows[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    rows
};

/// Checks that `value` is an assigned ISO 3166-1 alpha-2 code in upper case.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_assigned(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

/// `true` when `code` is one of the 249 officially assigned ISO 3166-1 alpha-2 codes, in upper
/// case.
#[inline]
#[must_use]
pub fn is_assigned(code: &str) -> bool {
    match *code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            let row = BITMAP.get(usize::from(a - b'A')).copied().unwrap_or(0);
            (row >> (b - b'A')) & 1 == 1
        }
        _ => false,
    }
}

#[cold]
fn error() -> RuleError {
    RuleError::new(
        crate::codes::COUNTRY,
        "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as `US`",
    )
}
