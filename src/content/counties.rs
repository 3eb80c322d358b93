//! California's counties (`questions/counties.ron`), as the county question reads them:
//! a typed name is found whatever its case, accents or "County", by a short form ("LA"),
//! or as the court a RAP sheet names ("CASC Los Angeles"); a near miss finds the names
//! it misses, to offer them.

use crate::model::FactId;

/// How many names are offered for a name not found, and in the type-ahead.
const OFFERED: usize = 6;

#[derive(Debug, Clone, Default)]
pub struct CountyTable {
    /// The question that takes a county; `None` when the content has no table.
    pub fact: Option<FactId>,
    /// Every county's name, in the file's order.
    pub names: Vec<String>,
    /// Each name and short form as it is looked up, with the county it names.
    keys: Vec<(String, usize)>,
    /// Each county's name and each place in it that a RAP sheet's court or agency
    /// names, as [`court_key`] writes them, with the county.
    places: Vec<(String, usize)>,
}

/// What a typed county is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found<'t> {
    County(&'t str),
    /// Not a California county: the names it comes closest to, if any.
    Not(Vec<&'t str>),
}

impl CountyTable {
    /// The table for these counties; `Err` names a key two of them share.
    pub fn new(
        fact: Option<FactId>,
        counties: &[(String, Vec<String>)],
    ) -> Result<Self, (usize, String)> {
        let mut table = CountyTable {
            fact,
            ..Self::default()
        };
        for (i, (name, also)) in counties.iter().enumerate() {
            table.names.push(name.clone());
            table.places.push((court_key(&[name.as_str()]), i));
            for typed in std::iter::once(name).chain(also) {
                let k = key(typed);
                if k.is_empty() || table.keys.iter().any(|(other, _)| *other == k) {
                    return Err((i, typed.clone()));
                }
                table.keys.push((k, i));
            }
        }
        Ok(table)
    }

    /// Adds the places in `county` a RAP sheet's courts name; `Err` says why one cannot be.
    pub fn add_places(&mut self, county: &str, places: &[String]) -> Result<(), String> {
        let Some(i) = self.names.iter().position(|n| n == county) else {
            return Err(format!("\"{county}\" is not one of the counties above"));
        };
        for place in places {
            let k = court_key(&[place.as_str()]);
            if k.is_empty() || self.places.iter().any(|(other, _)| *other == k) {
                return Err(format!("\"{place}\" names two places, or one twice"));
            }
            self.places.push((k, i));
        }
        Ok(())
    }

    /// The county of a court or agency as a RAP sheet names it, after its type code
    /// ("SN JOSE CENTRAL", "SAN FRANCISCO CO", "OAKLAN D"): the whole name when it is a
    /// county or a place, else the longest run of its first words that is. Scans split
    /// words and read O as 0; a place name holds no digits, so they are read back.
    pub fn of_court(&self, place: &str) -> Option<&str> {
        let plain: String = place
            .chars()
            .map(|c| match c.to_ascii_lowercase() {
                '0' => 'o',
                '5' => 's',
                '1' => 'i',
                '.' | '\'' | ',' => ' ',
                c => c,
            })
            .collect();
        let mut words: Vec<&str> = plain
            .split_whitespace()
            .filter(|w| *w != "mc")
            .map(|w| match w {
                "sn" => "san",
                "snta" | "sta" => "santa",
                w => w,
            })
            .collect();
        while matches!(words.last(), Some(&("co" | "cnty" | "county" | "crt"))) {
            words.pop();
        }
        (1..=words.len()).rev().find_map(|n| {
            let k = court_key(&words[..n]);
            let found = self.places.iter().find(|(other, _)| *other == k);
            found.map(|(_, i)| self.names[*i].as_str())
        })
    }

    /// The county `typed` names: by name or short form, or by the only name it begins
    /// (three letters at least).
    pub fn find(&self, typed: &str) -> Found<'_> {
        // A county's name as written, as files hold it, is found without reading it.
        if let Some(name) = self.names.iter().find(|n| *n == typed) {
            return Found::County(name);
        }
        let k = key(typed);
        if let Some((_, i)) = self.keys.iter().find(|(other, _)| *other == k) {
            return Found::County(&self.names[*i]);
        }
        let begun = self.begun(&k);
        match begun.as_slice() {
            [only] if k.len() >= 3 => Found::County(only),
            [] => Found::Not(self.nearest(&k)),
            several => Found::Not(several.iter().take(OFFERED).copied().collect()),
        }
    }

    /// For the type-ahead: the counties whose name begins with what is typed, or, when
    /// none does, the names it nearly is.
    pub fn matching(&self, typed: &str) -> Vec<&str> {
        let k = key(typed);
        if k.is_empty() {
            return Vec::new();
        }
        if let Some((_, i)) = self.keys.iter().find(|(other, _)| *other == k) {
            return vec![&self.names[*i]];
        }
        let mut begun = self.begun(&k);
        if begun.is_empty() {
            begun = self.nearest(&k);
        }
        begun.truncate(OFFERED);
        begun
    }

    /// The names (not short forms) that begin with `k`, in the file's order.
    fn begun(&self, k: &str) -> Vec<&str> {
        let mut found: Vec<&str> = Vec::new();
        for (other, i) in &self.keys {
            let name = self.names[*i].as_str();
            if other.starts_with(k) && key(name) == *other && !found.contains(&name) {
                found.push(name);
            }
        }
        found
    }

    /// The names within a few typing mistakes of `k`, closest first: "alamda" is one
    /// letter from Alameda.
    fn nearest(&self, k: &str) -> Vec<&str> {
        if k.chars().count() < 3 {
            return Vec::new();
        }
        let allowed = (k.chars().count() / 4).clamp(1, 3);
        let mut near: Vec<(usize, &str)> = self
            .keys
            .iter()
            .map(|(other, i)| {
                (
                    strsim::damerau_levenshtein(k, other),
                    self.names[*i].as_str(),
                )
            })
            .filter(|(d, _)| *d <= allowed)
            .collect();
        near.sort();
        let mut names: Vec<&str> = Vec::new();
        for (_, name) in near {
            if !names.contains(&name) && names.len() < OFFERED {
                names.push(name);
            }
        }
        names
    }
}

/// A place as a court's name is matched: its words' letters run together, lower case,
/// so that a word a scan split ("OAKLAN D") still matches.
fn court_key(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A county as it is looked up: lower case, without accents, periods, "County",
/// "Condado de", or a RAP sheet's court prefix ("CASC", "CAMC").
fn key(typed: &str) -> String {
    let plain: String = typed
        .chars()
        .map(|c| match crate::model::unaccented(c) {
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            // "L.A." is "LA", "Co." is "Co".
            '.' | '\'' | '’' => '\0',
            _ => ' ',
        })
        .filter(|c| *c != '\0')
        .collect();
    let mut words: Vec<&str> = plain.split_whitespace().collect();
    if let Some(first) = words.first()
        && matches!(*first, "casc" | "camc")
    {
        words.remove(0);
    }
    if words.len() > 2 && words[0] == "condado" && words[1] == "de" {
        words.drain(..2);
    }
    if words.len() > 1 && matches!(words.last(), Some(&"county") | Some(&"co")) {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::{CountyTable, Found};

    fn table() -> CountyTable {
        let counties: Vec<(String, Vec<String>)> = [
            ("Alameda", vec![]),
            ("Los Angeles", vec!["LA"]),
            ("San Benito", vec![]),
            ("San Bernardino", vec![]),
            ("San Diego", vec!["SD"]),
            ("Yolo", vec![]),
        ]
        .into_iter()
        .map(|(n, a)| (n.to_string(), a.into_iter().map(String::from).collect()))
        .collect();
        CountyTable::new(None, &counties).unwrap()
    }

    #[test]
    fn a_county_is_found_however_it_is_written() {
        let t = table();
        for typed in [
            "Los Angeles",
            "los angeles",
            "LOS ANGELES COUNTY",
            "Los Ángeles",
            "Condado de Los Ángeles",
            "LA",
            "l.a.",
            "CASC Los Angeles",
            "Los Angeles Co.",
            "Los Ang",
        ] {
            assert_eq!(t.find(typed), Found::County("Los Angeles"), "{typed}");
        }
        assert_eq!(t.find("San Diego"), Found::County("San Diego"));
    }

    #[test]
    fn a_near_miss_or_an_unfinished_name_is_offered_and_not_taken() {
        let t = table();
        assert_eq!(t.find("Alamda"), Found::Not(vec!["Alameda"]));
        assert_eq!(t.find("San Bernadino"), Found::Not(vec!["San Bernardino"]));
        assert_eq!(
            t.find("San"),
            Found::Not(vec!["San Benito", "San Bernardino", "San Diego"])
        );
        assert_eq!(t.find("Maricopa"), Found::Not(vec![]));
        assert_eq!(t.find("Cook County"), Found::Not(vec![]));
        assert_eq!(
            t.find("2"),
            Found::Not(vec![]),
            "a number is plain mode's to read"
        );
        assert_eq!(
            t.find("Yo"),
            Found::Not(vec!["Yolo"]),
            "two letters take nothing"
        );
        assert_eq!(t.matching("san b"), ["San Benito", "San Bernardino"]);
        assert_eq!(t.matching("alamda"), ["Alameda"]);
        assert_eq!(t.matching("la"), ["Los Angeles"]);
    }

    #[test]
    fn a_court_is_placed_in_its_county_by_its_whole_name_or_its_first_words() {
        let mut t = table();
        t.add_places("Alameda", &["Hayward".into(), "Oakland".into()])
            .unwrap();
        t.add_places("Los Angeles", &["Van Nuys".into()]).unwrap();
        for (court, county) in [
            ("HAYWARD", Some("Alameda")),
            ("OAKLAN D", Some("Alameda")),
            ("VAN NUYS WEST", Some("Los Angeles")),
            ("LOS .ANGELES METRO", Some("Los Angeles")),
            ("L05 ANGELES", Some("Los Angeles")),
            ("SN DIEGO CO", Some("San Diego")),
            ("SAN BERNARDINO MC CENTRAL", Some("San Bernardino")),
            ("LA HABRA", None),
            ("SAN", None),
            ("", None),
        ] {
            assert_eq!(t.of_court(court), county, "{court}");
        }
        assert_eq!(
            t.add_places("Yolo", &["Hay ward".into()]),
            Err("\"Hay ward\" names two places, or one twice".into())
        );
        assert!(t.add_places("Maricopa", &[]).is_err());
    }

    #[test]
    fn a_short_form_two_counties_share_is_refused() {
        let counties = vec![
            ("San Diego".to_string(), vec!["SD".to_string()]),
            ("Sandy".to_string(), vec!["S.D.".to_string()]),
        ];
        assert_eq!(
            CountyTable::new(None, &counties).unwrap_err(),
            (1, "S.D.".to_string())
        );
    }
}
