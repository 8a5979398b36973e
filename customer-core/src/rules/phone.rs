//! `phone`: an E.164 number, `+` then 1..=15 digits starting with an assigned country calling
//! code. Code `phone`.
//!
//! [`check`] reads one string (`+12025550183`); [`check_parts`] reads the calling code and the
//! national number apart, as Tazapay sends them (`"1"`, `"2025550183"`, digits only, no `+`).
//!
//! The calling codes are those the ITU has assigned (E.164 Annex, as listed by libphonenumber),
//! geographic and global services alike (`800`, `808`, `870`, `878`, `881`, `882`, `883`, `888`,
//! `979`), plus Kazakhstan's `997`. Calling codes are prefix-free, so the longest-prefix match is
//! the only match. Spare and reserved codes (`0`, `28x`, `384`, `388`, `422`, `671`, `684`,
//! `969`, `978`, `991`, `999`, …) are refused. Nothing is checked about the national number
//! beyond its digits and the 15-digit total.

use super::Text;
use crate::error::{Param, RuleError};

/// The most digits of an E.164 number, calling code included.
pub const MAX_DIGITS: usize = 15;

/// The assigned country calling codes.
pub const CALLING_CODES: [u16; 216] = [
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211,
    212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234,
    235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253,
    254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298,
    299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377,
    378, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505, 506,
    507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675, 676,
    677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850, 852,
    853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966, 967,
    968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 997, 998,
];

/// One bit per code: bits 0..10 for one-digit codes, 10..110 for two digits (offset 10),
/// 110..1110 for three digits (offset 110), so `1`, `01` and `001` stay apart.
const BITS: [u64; 18] = {
    let mut bits = [0u64; 18];
    let mut i = 0;
    while i < CALLING_CODES.len() {
        let code = CALLING_CODES[i] as usize;
        let index = if code < 10 {
            code
        } else if code < 100 {
            10 + code
        } else {
            110 + code
        };
        bits[index / 64] |= 1 << (index % 64);
        i += 1;
    }
    bits
};

/// `true` when the digits `code` (1..=3 ASCII digits, no sign) are an assigned calling code.
#[inline]
#[must_use]
pub fn is_calling_code(code: &str) -> bool {
    calling_code(code.as_bytes())
}

#[inline]
fn calling_code(digits: &[u8]) -> bool {
    let (value, offset) = match *digits {
        [a @ b'1'..=b'9'] => (usize::from(a - b'0'), 0),
        [a @ b'1'..=b'9', b @ b'0'..=b'9'] => {
            (usize::from(a - b'0') * 10 + usize::from(b - b'0'), 10)
        }
        [a @ b'1'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => (
            usize::from(a - b'0') * 100 + usize::from(b - b'0') * 10 + usize::from(c - b'0'),
            110,
        ),
        _ => return false,
    };
    let index = offset + value;
    BITS.get(index / 64)
        .is_some_and(|word| (word >> (index % 64)) & 1 == 1)
}

#[inline]
fn all_digits(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_digit)
}

/// Checks that `value` is `+`, an assigned calling code and at least one more digit, 15 digits
/// at most in all.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_valid(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

/// `true` when `value` passes [`check`].
#[inline]
#[must_use]
pub fn is_valid(value: &str) -> bool {
    let Some(digits) = value.as_bytes().strip_prefix(b"+") else {
        return false;
    };
    if digits.len() < 2 || digits.len() > MAX_DIGITS || !all_digits(digits) {
        return false;
    }
    // Calling codes are prefix-free: the first prefix that is a code is the only one.
    (1..=3).any(|len| {
        digits
            .get(..len)
            .is_some_and(|prefix| prefix.len() < digits.len() && calling_code(prefix))
    })
}

/// Checks a number given as its calling code and national number, both ASCII digits without
/// `+`: the calling code must be assigned, the number 1 or more digits, and both together 15
/// digits at most. The error says which part is wrong.
#[inline]
pub fn check_parts(calling_code: &str, number: &str) -> Result<(), RuleError> {
    if !is_calling_code(calling_code) {
        return Err(calling_code_error());
    }
    let number = number.as_bytes();
    let max = MAX_DIGITS - calling_code.len();
    if number.is_empty() || number.len() > max || !all_digits(number) {
        return Err(number_error(max));
    }
    Ok(())
}

#[cold]
fn error() -> RuleError {
    RuleError::new(
        crate::codes::PHONE,
        "must be an E.164 phone number: `+`, an assigned country calling code and the number, {max_digits} digits at most",
    )
    .with_param("max_digits", Param::UInt(MAX_DIGITS as u64))
}

#[cold]
fn calling_code_error() -> RuleError {
    RuleError::new(
        crate::codes::PHONE,
        "calling code must be an assigned country calling code of 1 to 3 digits, without `+`",
    )
}

#[cold]
fn number_error(max: usize) -> RuleError {
    RuleError::new(
        crate::codes::PHONE,
        "number must be 1 to {max_digits} digits (15 in all with the calling code)",
    )
    .with_param("max_digits", Param::UInt(max as u64))
}
