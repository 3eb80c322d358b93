//! The clinic's passphrase on the command line: from the file
//! `CLEARPATH_PASSPHRASE_FILE` names (for scripts), else typed at the terminal without
//! being shown. Never taken as an argument, where other users could read it.

use std::io::IsTerminal;
use std::time::Duration;

use age::secrecy::SecretString;

use crate::intake::clinic_key::{KeyError, passphrase_from_env};
use crate::intake::{Store, StoreError};
use crate::tui::terminal::read_secret;
use crate::tui::tries;

/// The environment variable naming a file with the new passphrase, for
/// `intake passphrase` in a script.
pub const NEW_PASSPHRASE_FILE_ENV: &str = "CLEARPATH_NEW_PASSPHRASE_FILE";

/// Wrong passphrases typed before giving up.
const TRIES: u32 = 5;

fn typed(prompt: &str) -> Result<SecretString, String> {
    if !std::io::stdin().is_terminal() {
        return Err(format!(
            "the intakes are encrypted: type the clinic's passphrase on a terminal, or name a file holding it (owner-only) in {}",
            crate::intake::clinic_key::PASSPHRASE_FILE_ENV
        ));
    }
    match read_secret(prompt) {
        Ok(Some(text)) => Ok(SecretString::from(text.to_string())),
        Ok(None) => Err("stopped: no passphrase was given".into()),
        Err(e) => Err(format!("the passphrase cannot be read: {e}")),
    }
}

/// Unlocks an encrypted folder; a plain one needs nothing.
pub fn unlock(store: &Store) -> Result<(), String> {
    if store.is_unlocked() {
        return Ok(());
    }
    if let Some(given) = passphrase_from_env() {
        return store.unlock(&given?).map_err(|e| e.to_string());
    }
    for miss in 1..=TRIES {
        match store.unlock(&typed("Clinic passphrase: ")?) {
            Ok(()) => return Ok(()),
            Err(StoreError::Key(KeyError::WrongPassphrase)) if miss < TRIES => {
                let wait = tries::wait_after(miss).max(Duration::from_secs(1));
                eprintln!("That is not the clinic's passphrase.");
                std::thread::sleep(wait);
            }
            Err(e) => return Err(e.to_string()),
        }
    }
    Err("that is not the clinic's passphrase".into())
}

/// A new passphrase: from the file `env` names, else typed twice.
pub fn choose(env: &str, what: &str) -> Result<SecretString, String> {
    if let Some(path) = std::env::var_os(env).filter(|p| !p.is_empty()) {
        return crate::intake::clinic_key::passphrase_from_file(std::path::Path::new(&path));
    }
    eprintln!(
        "Choose {what} of at least {} characters. Keep it apart from the laptops: if it is forgotten, the intakes cannot be opened.",
        crate::intake::clinic_key::MIN_PASSPHRASE_CHARS
    );
    loop {
        let first = typed(&format!("{}: ", capitalised(what)))?;
        let again = typed("The same again: ")?;
        use age::secrecy::ExposeSecret;
        if first.expose_secret() == again.expose_secret() {
            return Ok(first);
        }
        eprintln!("The two were not the same.");
    }
}

fn capitalised(what: &str) -> String {
    let mut chars = what.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
