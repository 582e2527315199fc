//! The collector's keys: the age identity that opens the responses, and an
//! ed25519 signing key, derived from it, that signs the round's report. One
//! secret is kept (the age identity file), so an identity file carried to
//! another machine both opens and signs.
//!
//! Raters, the collector and whoever receives the report see the same
//! **fingerprint**: sixteen hex digits in four groups, made from both public
//! keys, so that a form, `leadgap key` and a signed report can be checked
//! against one another by reading them aloud.

use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use super::encryption;

/// What a signing key is derived from, besides the age secret: a different
/// use of the same secret gives an unrelated key.
const SIGNING_DOMAIN: &str = "leadgap collector signing key v1\n";

/// What a report's signature covers, before the report's text.
const REPORT_DOMAIN: &str = "leadgap team report v1\n";

/// A collector's secret keys.
pub struct Collector {
    public: PublicKeys,
    signing: SigningKey,
}

/// A collector's public keys, as invitations and signed reports carry them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKeys {
    /// The age recipient responses are sealed to (`age1…`).
    pub recipient: String,
    /// The ed25519 key that signs reports (`ed25519:` and 64 hex digits).
    pub signing: String,
}

impl Collector {
    /// The collector whose age recipient is `recipient`, among the secret
    /// keys of `identity_file`.
    pub fn for_recipient(identity_file: &str, recipient: &str) -> Option<Collector> {
        encryption::secrets(identity_file)
            .ok()?
            .into_iter()
            .find(|(_, public)| public == recipient)
            .map(|(secret, public)| Collector::new(&secret, public))
    }

    /// The first collector of `identity_file`; why not, when it holds no
    /// key.
    pub fn first(identity_file: &str) -> Result<Collector, String> {
        let (secret, public) = encryption::secrets(identity_file)?
            .into_iter()
            .next()
            .ok_or("it holds no age secret key")?;
        Ok(Collector::new(&secret, public))
    }

    fn new(secret: &str, recipient: String) -> Collector {
        let seed: [u8; 32] = Sha256::new()
            .chain_update(SIGNING_DOMAIN)
            .chain_update(secret.trim().to_ascii_uppercase())
            .finalize()
            .into();
        let signing = SigningKey::from_bytes(&seed);
        Collector {
            public: PublicKeys {
                recipient,
                signing: format!(
                    "ed25519:{}",
                    encryption::hex(signing.verifying_key().as_bytes())
                ),
            },
            signing,
        }
    }

    /// The public keys.
    pub fn public(&self) -> &PublicKeys {
        &self.public
    }

    /// The signature of a report whose signed text is `text` (see
    /// [`crate::report::Report::signed_text`]), as hex digits.
    pub fn sign_report(&self, text: &str) -> String {
        let message = report_message(&self.public, text);
        encryption::hex(&self.signing.sign(message.as_bytes()).to_bytes())
    }
}

impl PublicKeys {
    /// The fingerprint of both keys: `3f9a 1c2b 77d0 e415`.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::new()
            .chain_update("leadgap collector\n")
            .chain_update(&self.recipient)
            .chain_update("\n")
            .chain_update(&self.signing)
            .finalize();
        encryption::hex(&digest[..8])
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether `signature` (hex digits) is these keys' signature of a report
    /// whose signed text is `text`.
    pub fn verifies_report(&self, text: &str, signature: &str) -> bool {
        let Some(key) = self.verifying_key() else {
            return false;
        };
        let Some(bytes) = from_hex::<64>(signature) else {
            return false;
        };
        let signature = ed25519_dalek::Signature::from_bytes(&bytes);
        key.verify(report_message(self, text).as_bytes(), &signature)
            .is_ok()
    }

    /// Why these keys cannot be used, or `None`.
    pub fn problem(&self) -> Option<&'static str> {
        if let Some(why) = encryption::recipient_problem(&self.recipient) {
            return Some(why);
        }
        if self.verifying_key().is_none() {
            return Some("its signing key is not an ed25519 key (ed25519: and 64 hex digits)");
        }
        None
    }

    fn verifying_key(&self) -> Option<VerifyingKey> {
        let hex = self.signing.strip_prefix("ed25519:")?;
        VerifyingKey::from_bytes(&from_hex::<32>(hex)?).ok()
    }
}

fn report_message(keys: &PublicKeys, text: &str) -> String {
    format!(
        "{REPORT_DOMAIN}{}\n{}\n{text}",
        keys.recipient, keys.signing
    )
}

/// `N` bytes from exactly `2N` lower-case hex digits.
fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut bytes = [0u8; N];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_signed_by_a_collector_verifies_only_unchanged_and_with_their_keys() {
        let (secret, recipient) = encryption::generate();
        let collector = Collector::first(&secret).unwrap();
        assert_eq!(collector.public().recipient, recipient);
        assert_eq!(collector.public().problem(), None);
        let signature = collector.sign_report("overall = 60.0\n");
        assert!(
            collector
                .public()
                .verifies_report("overall = 60.0\n", &signature)
        );
        assert!(
            !collector
                .public()
                .verifies_report("overall = 61.0\n", &signature)
        );
        let (other, _) = encryption::generate();
        let other = Collector::first(&other).unwrap();
        assert!(
            !other
                .public()
                .verifies_report("overall = 60.0\n", &signature)
        );
        // Someone else's signing key beside this collector's recipient.
        let mixed = PublicKeys {
            recipient: recipient.clone(),
            signing: other.public().signing.clone(),
        };
        assert!(!mixed.verifies_report("overall = 60.0\n", &signature));
        assert_ne!(mixed.fingerprint(), collector.public().fingerprint());
    }

    #[test]
    fn the_same_identity_gives_the_same_keys_and_fingerprint_everywhere() {
        let (secret, recipient) = encryption::generate();
        let file = format!("# a comment\n{secret}\n");
        let again = Collector::for_recipient(&file, &recipient).unwrap();
        let first = Collector::first(&secret).unwrap();
        assert_eq!(again.public(), first.public());
        let fingerprint = first.public().fingerprint();
        assert_eq!(fingerprint.len(), 19, "{fingerprint}");
        assert_eq!(fingerprint.split(' ').count(), 4, "{fingerprint}");
        assert!(Collector::for_recipient(&secret, "age1other").is_none());
    }

    #[test]
    fn a_signing_key_that_is_not_one_is_named() {
        let (secret, _) = encryption::generate();
        let mut keys = Collector::first(&secret).unwrap().public().clone();
        keys.signing = "ed25519:zz".to_owned();
        assert_eq!(
            keys.problem(),
            Some("its signing key is not an ed25519 key (ed25519: and 64 hex digits)")
        );
        assert!(!keys.verifies_report("x", &"0".repeat(128)));
    }
}
