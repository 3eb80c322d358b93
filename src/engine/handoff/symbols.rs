//! The characters of a hand-off code: a number written in base 32 with Crockford's
//! alphabet (no I, L, O or U, so nothing reads as another letter), grouped by five,
//! and two check characters that find where a single typo is.
//!
//! The check characters make a Reed-Solomon code over GF(32): the two syndromes of a
//! code typed right are zero; with one character wrong, their ratio says which one.

use std::fmt::Write;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Characters per group when a code is shown.
pub const GROUP: usize = 5;

/// What is wrong with a typed code, before it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// Nothing, or too little, was typed.
    TooShort,
    /// A character that is not in codes, at this place (from 1, hyphens not counted).
    NotInCodes { place: usize, found: char },
    /// One character is wrong, at this place (from 1); on a code longer than 31
    /// characters, the places further on by 31 are as likely. When `or_other`, the
    /// code may instead have been made for another prefix. `fix` is what the
    /// character would be to make the check agree.
    Typo {
        places: Vec<usize>,
        or_other: bool,
        fix: u8,
    },
    /// More than one character is wrong, or a character is missing or extra; or the
    /// code was made for another prefix.
    SeveralTypos,
    /// Made for another prefix (another interview), and not mistyped.
    OtherPrefix,
}

/// Reads what was typed into symbols (0..32): case, spaces and hyphens do not matter,
/// and O, I and L are read as the digits they look like.
pub fn read(typed: &str) -> Result<Vec<u8>, Mistake> {
    let mut symbols = Vec::new();
    for c in typed.chars().filter(|c| !matches!(c, '-' | ' ' | '\t')) {
        let upper = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        match ALPHABET.iter().position(|a| char::from(*a) == upper) {
            Some(symbol) => symbols.push(symbol as u8),
            None => {
                return Err(Mistake::NotInCodes {
                    place: symbols.len() + 1,
                    found: c,
                });
            }
        }
    }
    if symbols.len() < 3 {
        return Err(Mistake::TooShort);
    }
    Ok(symbols)
}

/// Writes symbols in groups of five: `K7QF2-9XMH4`.
pub fn write(symbols: &[u8]) -> String {
    let mut out = String::with_capacity(symbols.len() * 5 / 4);
    for (i, s) in symbols.iter().enumerate() {
        if i > 0 && i % GROUP == 0 {
            out.push('-');
        }
        let _ = write!(out, "{}", char::from(ALPHABET[usize::from(*s)]));
    }
    out
}

/// GF(32) with the primitive polynomial x⁵ + x² + 1: powers of α and their logarithms.
struct Field {
    exp: [u8; 62],
    log: [u8; 32],
}

const FIELD: Field = {
    let mut exp = [0u8; 62];
    let mut log = [0u8; 32];
    let mut x: u8 = 1;
    let mut i = 0;
    while i < 31 {
        exp[i] = x;
        exp[i + 31] = x;
        log[x as usize] = i as u8;
        x <<= 1;
        if x & 0x20 != 0 {
            x ^= 0x25;
        }
        i += 1;
    }
    Field { exp, log }
};

fn mul(a: u8, b: u8) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    FIELD.exp[usize::from(FIELD.log[usize::from(a)]) + usize::from(FIELD.log[usize::from(b)])]
}

fn div(a: u8, b: u8) -> u8 {
    debug_assert!(b != 0);
    if a == 0 {
        return 0;
    }
    FIELD.exp[usize::from(FIELD.log[usize::from(a)]) + 31 - usize::from(FIELD.log[usize::from(b)])]
}

/// α to the power `i`, for any `i`.
fn alpha(i: usize) -> u8 {
    FIELD.exp[i % 31]
}

/// The two syndromes of `symbols` read as a codeword whose first `virtual_prefix`
/// symbols are not written: the sum, and the sum weighted by α to each place.
fn syndromes(prefix: &[u8], symbols: &[u8]) -> (u8, u8) {
    prefix
        .iter()
        .chain(symbols)
        .enumerate()
        .fold((0, 0), |(s0, s1), (i, c)| (s0 ^ c, s1 ^ mul(*c, alpha(i))))
}

/// Appends the two check symbols. `prefix` is checked but not written: what the code
/// must agree with to be read (the interview it was made for).
pub fn seal(prefix: &[u8], payload: &mut Vec<u8>) {
    let n = prefix.len() + payload.len() + 2;
    let (a, b) = syndromes(prefix, payload);
    // Solve x + y = a and x·α^(n-2) + y·α^(n-1) = b.
    let x = div(b ^ mul(a, alpha(n - 1)), alpha(n - 2) ^ alpha(n - 1));
    payload.push(x);
    payload.push(x ^ a);
}

/// Checks a sealed code and returns its payload, or where a typo is. A code made with
/// another prefix is refused as [`Mistake::OtherPrefix`] when that is all it can be.
pub fn open<'s>(prefix: &[u8], symbols: &'s [u8]) -> Result<&'s [u8], Mistake> {
    let (s0, s1) = syndromes(prefix, symbols);
    if (s0, s1) == (0, 0) {
        return Ok(&symbols[..symbols.len() - 2]);
    }
    if s0 == 0 || s1 == 0 {
        return Err(Mistake::SeveralTypos);
    }
    // One wrong symbol e at place j gives s0 = e and s1 = e·α^j; on a codeword longer
    // than 31, the places 31 apart are as likely.
    let j = usize::from(FIELD.log[usize::from(div(s1, s0))]);
    let (in_prefix, places): (Vec<usize>, Vec<usize>) = (j..prefix.len() + symbols.len())
        .step_by(31)
        .partition(|p| *p < prefix.len());
    Err(match (in_prefix.is_empty(), places.is_empty()) {
        (false, true) => Mistake::OtherPrefix,
        (true, true) => Mistake::SeveralTypos,
        (or_other, false) => Mistake::Typo {
            places: places.iter().map(|p| p - prefix.len() + 1).collect(),
            or_other: !or_other,
            fix: s0,
        },
    })
}

/// A whole number of any size, as base-32 symbols from the least significant: the
/// answers, each a digit of its own base, are packed into one such number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Packed(Vec<u8>);

impl Packed {
    pub fn from_symbols(symbols: &[u8]) -> Self {
        let mut packed = Packed(symbols.iter().rev().copied().collect());
        packed.trim();
        packed
    }

    /// Most significant first; zero is no symbols at all.
    pub fn symbols(&self) -> Vec<u8> {
        self.0.iter().rev().copied().collect()
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self × base + digit.
    pub fn push(&mut self, digit: u64, base: u64) {
        debug_assert!(digit < base && base <= 1 << 40);
        let mut carry = digit;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * base + carry;
            *limb = (v & 31) as u8;
            carry = v >> 5;
        }
        while carry > 0 {
            self.0.push((carry & 31) as u8);
            carry >>= 5;
        }
    }

    /// Takes the last digit pushed in `base`: self mod base, leaving self / base.
    pub fn pop(&mut self, base: u64) -> u64 {
        debug_assert!(base > 0 && base <= 1 << 40);
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let v = (rem << 5) | u64::from(*limb);
            *limb = (v / base) as u8;
            rem = v % base;
        }
        self.trim();
        rem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_come_back_in_the_order_pushed_last_first() {
        let digits = [(3, 7), (0, 2), (1_000_000, 1 << 40), (57, 59), (0, 1)];
        let mut packed = Packed::default();
        for (d, b) in digits.iter().rev() {
            packed.push(*d, *b);
        }
        let mut read = Packed::from_symbols(&packed.symbols());
        for (d, b) in digits {
            assert_eq!(read.pop(b), d);
        }
        assert!(read.is_zero());
    }

    #[test]
    fn every_single_typo_is_found_where_it_is() {
        let prefix = [7, 19];
        let mut code: Vec<u8> = (0..27).map(|i| (i * 7 % 32) as u8).collect();
        seal(&prefix, &mut code);
        assert_eq!(open(&prefix, &code), Ok(&code[..27]));
        for place in 0..code.len() {
            for wrong in 1..32u8 {
                let mut typed = code.clone();
                typed[place] ^= wrong;
                assert_eq!(
                    open(&prefix, &typed),
                    Err(Mistake::Typo {
                        places: vec![place + 1],
                        or_other: false,
                        fix: wrong,
                    })
                );
            }
        }
    }

    #[test]
    fn two_swapped_characters_are_never_read_and_another_prefix_is_told_apart() {
        let mut code: Vec<u8> = (0..20).map(|i| (i * 11 % 32) as u8).collect();
        seal(&[1, 2], &mut code);
        for i in 0..code.len() - 1 {
            if code[i] != code[i + 1] {
                let mut typed = code.clone();
                typed.swap(i, i + 1);
                assert!(open(&[1, 2], &typed).is_err(), "swap at {i}");
            }
        }
        assert_eq!(open(&[1, 3], &code), Err(Mistake::OtherPrefix));
        assert!(open(&[2, 3], &code).is_err());
    }

    #[test]
    fn typing_is_forgiving_but_a_stray_character_is_named() {
        assert_eq!(read("k7qf-29xm o1l"), read("K7QF29XM011"));
        assert_eq!(
            read("K7QF-2U"),
            Err(Mistake::NotInCodes {
                place: 6,
                found: 'U'
            })
        );
        assert_eq!(write(&[20, 7, 23, 15, 2, 9]), "M7QF2-9");
    }
}
