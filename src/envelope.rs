//! Sealed envelopes for team responses: age encryption to one X25519
//! recipient. Whoever carries a response cannot read it; only the holder of
//! the round's identity can. Nothing here touches the disk.

use std::str::FromStr;

use age::secrecy::ExposeSecret;

/// A new identity: (the secret `AGE-SECRET-KEY-1…`, its public recipient
/// `age1…`).
pub fn generate() -> (String, String) {
    let identity = age::x25519::Identity::generate();
    let recipient = identity.to_public().to_string();
    (identity.to_string().expose_secret().to_owned(), recipient)
}

/// Whether `text` is an age X25519 recipient (`age1…`).
pub fn is_recipient(text: &str) -> bool {
    age::x25519::Recipient::from_str(text.trim()).is_ok()
}

/// The public recipient of a secret identity, `None` if it is not one.
pub fn recipient_of(identity: &str) -> Option<String> {
    let identity = age::x25519::Identity::from_str(identity.trim()).ok()?;
    Some(identity.to_public().to_string())
}

/// `plaintext` sealed for `recipient`.
pub fn seal(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>, String> {
    let recipient = age::x25519::Recipient::from_str(recipient.trim())
        .map_err(|e| format!("not an age recipient: {e}"))?;
    age::encrypt(&recipient, plaintext).map_err(|e| e.to_string())
}

/// Why an envelope could not be opened.
#[derive(Debug, PartialEq, Eq)]
pub enum Unopened {
    /// Not an age file, or damaged or cut short.
    Damaged(String),
    /// An age file for another recipient.
    NotForUs,
}

/// Opens `sealed` with the secret `identity` (the text of an identity
/// file: comments and one `AGE-SECRET-KEY-1…` line).
pub fn open(identity: &str, sealed: &[u8]) -> Result<Vec<u8>, Unopened> {
    let key = identity
        .lines()
        .map(str::trim)
        .find(|line| line.starts_with("AGE-SECRET-KEY-"))
        .unwrap_or_default();
    let identity = age::x25519::Identity::from_str(key)
        .map_err(|e| Unopened::Damaged(format!("the identity is not an age key: {e}")))?;
    age::decrypt(&identity, sealed).map_err(|error| match error {
        age::DecryptError::NoMatchingKeys => Unopened::NotForUs,
        other => Unopened::Damaged(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_envelope_opens_only_with_its_identity() {
        let (secret, public) = generate();
        assert!(is_recipient(&public));
        assert_eq!(recipient_of(&secret).as_deref(), Some(public.as_str()));
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
}
