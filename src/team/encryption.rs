//! Sealed envelopes for team responses: age encryption (X25519) to one
//! recipient, binary or ASCII-armored. Whoever carries a response cannot
//! read it; only the holder of the matching identity can. Nothing here
//! touches the disk.

use std::io::{Read, Write};
use std::str::FromStr;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

/// The first line of an armored age file.
pub const ARMOR_BEGIN: &str = "-----BEGIN AGE ENCRYPTED FILE-----";

/// The last line of an armored age file.
pub const ARMOR_END: &str = "-----END AGE ENCRYPTED FILE-----";

/// The first bytes of a binary age file.
pub const BINARY_MAGIC: &[u8] = b"age-encryption.org/v1";

/// A new identity: (the secret `AGE-SECRET-KEY-1…`, its public recipient
/// `age1…`).
pub fn generate() -> (String, String) {
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    (identity.to_string().expose_secret().to_owned(), recipient)
}

/// Why a recipient is refused, or `None` when `text` is an age X25519
/// recipient written as `leadgap key` and `age-keygen` print it: `age1…`
/// in lower case. (Bech32 also allows upper case, but the form's age
/// library does not, and a round must open with every tool.)
pub fn recipient_problem(text: &str) -> Option<&'static str> {
    if age::x25519::Recipient::from_str(text).is_err() {
        return Some("it is not an age public key");
    }
    if text.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("it is written in capitals");
    }
    None
}

/// The public recipients of the secret identities in `text` (an identity
/// file: comments, blank lines and `AGE-SECRET-KEY-1…` lines), in order;
/// an error names the line that is not a key.
pub fn recipients_of(text: &str) -> Result<Vec<String>, String> {
    identities(text).map(|ids| ids.iter().map(|i| i.to_public().to_string()).collect())
}

/// The secret keys of an identity file with their public recipients, in
/// order: (`AGE-SECRET-KEY-1…`, `age1…`).
pub fn secrets(text: &str) -> Result<Vec<(String, String)>, String> {
    identities(text).map(|ids| {
        ids.iter()
            .map(|i| {
                (
                    i.to_string().expose_secret().to_owned(),
                    i.to_public().to_string(),
                )
            })
            .collect()
    })
}

/// The identities of an identity file.
fn identities(text: &str) -> Result<Vec<age::x25519::Identity>, String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let identity = age::x25519::Identity::from_str(line)
            .map_err(|_| format!("line {} is not an age secret key", number + 1))?;
        found.push(identity);
    }
    if found.is_empty() {
        return Err("it holds no age secret key (AGE-SECRET-KEY-1…)".to_owned());
    }
    Ok(found)
}

/// `plaintext` sealed for `recipient`, as a binary age file.
pub fn seal(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>, String> {
    let recipient = parse_recipient(recipient)?;
    age::encrypt(&recipient, plaintext).map_err(|e| e.to_string())
}

/// The armored form of a binary age file.
pub fn armor(binary: &[u8]) -> Result<String, String> {
    let mut out = Vec::new();
    let mut writer =
        ArmoredWriter::wrap_output(&mut out, Format::AsciiArmor).map_err(|e| e.to_string())?;
    writer.write_all(binary).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

fn parse_recipient(recipient: &str) -> Result<age::x25519::Recipient, String> {
    age::x25519::Recipient::from_str(recipient.trim())
        .map_err(|e| format!("not an age recipient: {e}"))
}

/// Why an envelope could not be opened.
#[derive(Debug, PartialEq, Eq)]
pub enum Unopened {
    /// Not an age file, or damaged or cut short.
    Damaged(String),
    /// An age file for another recipient.
    NotForUs,
}

/// An envelope, binary or armored, as the same bytes whichever way it came:
/// the binary age file. Two copies of one response, one armored and one
/// not, are the same envelope.
pub fn binary(sealed: &[u8]) -> Result<Vec<u8>, Unopened> {
    let mut binary = Vec::new();
    ArmoredReader::new(sealed)
        .read_to_end(&mut binary)
        .map_err(|e| Unopened::Damaged(e.to_string()))?;
    Ok(binary)
}

/// The fingerprint of an envelope (`sha256:` of its binary form): it tells
/// envelopes apart without saying anything of what is inside.
pub fn fingerprint(binary: &[u8]) -> String {
    let digest = Sha256::digest(binary);
    format!("sha256:{}", hex(&digest))
}

/// Lower-case hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Opens `sealed` (binary or armored) with any of the secret identities of
/// `identity_file`.
pub fn open(identity_file: &str, sealed: &[u8]) -> Result<Vec<u8>, Unopened> {
    let identities = identities(identity_file).map_err(Unopened::Damaged)?;
    let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(sealed))
        .map_err(|e| Unopened::Damaged(e.to_string()))?;
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| i as &dyn age::Identity))
        .map_err(|error| match error {
            age::DecryptError::NoMatchingKeys => Unopened::NotForUs,
            other => Unopened::Damaged(other.to_string()),
        })?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .map_err(|e| Unopened::Damaged(e.to_string()))?;
    Ok(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_envelope_opens_only_with_its_identity() {
        let (secret, public) = generate();
        assert_eq!(recipient_problem(&public), None);
        assert_eq!(recipients_of(&secret).unwrap(), vec![public.clone()]);
        let sealed = seal(&public, b"answers").unwrap();
        assert!(!sealed.windows(7).any(|w| w == b"answers"));
        assert_eq!(open(&secret, &sealed).unwrap(), b"answers");
        let (other, _) = generate();
        assert_eq!(open(&other, &sealed), Err(Unopened::NotForUs));
        let mut edited = sealed.clone();
        let last = edited.len() - 1;
        edited[last] ^= 1;
        assert!(matches!(open(&secret, &edited), Err(Unopened::Damaged(_))));
        assert!(matches!(
            open(&secret, &sealed[..sealed.len() / 2]),
            Err(Unopened::Damaged(_))
        ));
    }

    #[test]
    fn every_key_of_an_identity_file_is_tried() {
        let (first, _) = generate();
        let (second, public) = generate();
        let file = format!("# created: today\n{first}\n\n# the second\n{second}\n");
        let sealed = seal(&public, b"answers").unwrap();
        assert_eq!(open(&file, &sealed).unwrap(), b"answers");
        assert_eq!(recipients_of(&file).unwrap().len(), 2);
        assert_eq!(
            recipients_of("# nothing\n"),
            Err("it holds no age secret key (AGE-SECRET-KEY-1…)".to_owned())
        );
        assert_eq!(
            recipients_of(&format!("{first}\nnot a key\n")),
            Err("line 2 is not an age secret key".to_owned())
        );
    }

    #[test]
    fn an_armored_envelope_is_the_same_envelope() {
        let (secret, public) = generate();
        let sealed = seal(&public, b"answers").unwrap();
        let armored = armor(&sealed).unwrap();
        assert!(armored.starts_with(ARMOR_BEGIN), "{armored}");
        assert!(armored.trim_end().ends_with(ARMOR_END), "{armored}");
        assert_eq!(open(&secret, armored.as_bytes()).unwrap(), b"answers");
        assert_eq!(binary(armored.as_bytes()).unwrap(), sealed);
        assert_eq!(
            fingerprint(&binary(armored.as_bytes()).unwrap()),
            fingerprint(&binary(&sealed).unwrap())
        );
    }

    #[test]
    fn a_recipient_in_capitals_is_refused() {
        let (_, public) = generate();
        assert_eq!(
            recipient_problem(&public.to_uppercase()),
            Some("it is written in capitals")
        );
        assert_eq!(
            recipient_problem("age1nope"),
            Some("it is not an age public key")
        );
    }
}
