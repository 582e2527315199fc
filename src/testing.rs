//! What the integration tests, benchmarks and fuzz targets reach inside
//! the crate, in one place, so that everything else can stay private.
//! Not part of any promise: it changes with the tests.

use crate::team::encryption;

/// `plaintext` sealed for `recipient`, as a binary age file.
pub fn seal(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>, String> {
    encryption::seal(recipient, plaintext)
}

/// The armored form of a binary age file.
pub fn armor(binary: &[u8]) -> Result<String, String> {
    encryption::armor(binary)
}

/// `sealed` opened with the identity file `identity`, as text.
pub fn open(identity: &str, sealed: &[u8]) -> Result<String, String> {
    let plain = encryption::open(identity, sealed).map_err(|e| format!("{e:?}"))?;
    String::from_utf8(plain).map_err(|e| e.to_string())
}

/// A new age identity: (secret, public recipient).
pub fn generate() -> (String, String) {
    encryption::generate()
}

/// The report file at `path` signed again with the first key of
/// `identity`, as a collector who made its figures up would: its figures
/// must still add up to be read.
pub fn sign_again(identity: &str, path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut report: crate::report::Report = toml::from_str(&text).map_err(|e| e.to_string())?;
    let collector = crate::team::keys::Collector::first(identity)?;
    let keys = collector.public();
    report.signature = Some(crate::report::Signature {
        recipient: keys.recipient.clone(),
        key: keys.signing.clone(),
        value: collector.sign_report(&report.signed_text()),
    });
    let text = toml::to_string(&report).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| e.to_string())
}
