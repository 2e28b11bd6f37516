//! This machine's device key: an Ed25519 key pair kept in the platform config
//! folder (never in a database, never printed), the device id derived from it,
//! and signing and checking bundle manifests. Knows nothing of SQL.

use std::io::Write;
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// The environment variable that points at another config folder (tests, and
/// a second identity on one machine).
pub const CONFIG_DIR_ENV: &str = "FRONTERA_CONFIG_DIR";
const KEY_FILE: &str = "device.key";
const KEY_HEADER: &str = "frontera-device-key-v1";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no device key yet; create one with `frontera key init` (it is kept in {0})")]
    Missing(PathBuf),
    #[error("a device key already exists at {0}; it was left as it was")]
    Exists(PathBuf),
    #[error(
        "the device key at {0} is not a frontera key (damaged or edited); move it away and run `frontera key init`"
    )]
    Damaged(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no home folder found for the device key; set {CONFIG_DIR_ENV}")]
    NoHome,
    #[error("the operating system gave no random bytes for the key: {0}")]
    Random(String),
}

/// The folder the key lives in: `FRONTERA_CONFIG_DIR`, else the platform's.
pub fn config_dir() -> Result<PathBuf, KeyError> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "EUROFRONT", "frontera")
        .map(|d| d.config_dir().to_path_buf())
        .ok_or(KeyError::NoHome)
}

/// This machine's key, if it has one (no home folder counts as none: the
/// database's own chain is used then).
pub fn current() -> Result<Option<DeviceKey>, KeyError> {
    match config_dir() {
        Ok(dir) => DeviceKey::load(&dir),
        Err(_) => Ok(None),
    }
}

/// A device's key pair.
pub struct DeviceKey {
    signing: SigningKey,
}

impl DeviceKey {
    /// The key in `dir`, if there is one.
    pub fn load(dir: &Path) -> Result<Option<DeviceKey>, KeyError> {
        let path = dir.join(KEY_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(KeyError::Io { path, source }),
        };
        let mut lines = text.lines();
        let damaged = || KeyError::Damaged(path.clone());
        if lines.next() != Some(KEY_HEADER) {
            return Err(damaged());
        }
        let bytes = lines
            .next()
            .and_then(|l| hex::decode(l.trim()).ok())
            .ok_or_else(damaged)?;
        let secret: [u8; 32] = bytes.try_into().map_err(|_| damaged())?;
        Ok(Some(DeviceKey {
            signing: SigningKey::from_bytes(&secret),
        }))
    }

    /// Makes a new key in `dir` (readable by its owner only); refuses to
    /// replace one, since bundles signed with it could no longer be told apart.
    pub fn init(dir: &Path) -> Result<DeviceKey, KeyError> {
        let path = dir.join(KEY_FILE);
        if path.exists() {
            return Err(KeyError::Exists(path));
        }
        let io = |source| KeyError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| KeyError::Random(e.to_string()))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path).map_err(io)?;
        writeln!(file, "{KEY_HEADER}\n{}", hex::encode(secret)).map_err(io)?;
        file.sync_all().map_err(io)?;
        Ok(DeviceKey {
            signing: SigningKey::from_bytes(&secret),
        })
    }

    /// The public key, hex.
    pub fn public_hex(&self) -> String {
        hex::encode(self.signing.verifying_key().to_bytes())
    }

    /// The device id: derived from the public key, so it cannot be claimed by
    /// another key.
    pub fn device_id(&self) -> String {
        device_id_of(&self.public_hex())
    }

    /// The signature of `message`, hex.
    pub fn sign(&self, message: &[u8]) -> String {
        hex::encode(self.signing.sign(message).to_bytes())
    }
}

/// The device id belonging to a public key (hex).
pub fn device_id_of(public_hex: &str) -> String {
    let digest = Sha256::digest(public_hex.as_bytes());
    format!("dev-{}", &hex::encode(digest)[..16])
}

/// Whether `signature` (hex) is `public_hex`'s signature of `message`.
pub fn verify(public_hex: &str, message: &[u8], signature: &str) -> bool {
    let Some(key) = hex::decode(public_hex)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return false;
    };
    let Some(sig) = hex::decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    key.verify(message, &Signature::from_bytes(&sig)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_kept_private_and_signs() {
        let dir = tempfile::tempdir().unwrap();
        assert!(DeviceKey::load(dir.path()).unwrap().is_none());
        let key = DeviceKey::init(dir.path()).unwrap();
        assert!(matches!(
            DeviceKey::init(dir.path()),
            Err(KeyError::Exists(_))
        ));
        let again = DeviceKey::load(dir.path()).unwrap().unwrap();
        assert_eq!(again.device_id(), key.device_id());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(KEY_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let sig = key.sign(b"manifest");
        assert!(verify(&key.public_hex(), b"manifest", &sig));
        assert!(!verify(&key.public_hex(), b"manifesT", &sig));
        assert!(!verify(&key.public_hex(), b"manifest", "zz"));
    }

    #[test]
    fn a_damaged_key_file_is_named_not_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(KEY_FILE), "hello").unwrap();
        assert!(matches!(
            DeviceKey::load(dir.path()),
            Err(KeyError::Damaged(_))
        ));
    }
}
