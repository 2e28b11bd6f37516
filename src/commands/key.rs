//! `frontera key init|show`: this machine's device key (the private half is
//! never printed).

use anyhow::Result;

use super::Context;
use crate::cli::KeyCommand;
use crate::device::{self, DeviceKey, KeyError};
use crate::say;

pub fn run(_ctx: &Context, cmd: &KeyCommand) -> Result<()> {
    let dir = device::config_dir()?;
    match cmd {
        KeyCommand::Init => {
            let key = DeviceKey::init(&dir)?;
            say!(
                "created device key {} in {}",
                key.device_id(),
                dir.display()
            )?;
            say!("public key {}", key.public_hex())?;
            say!(
                "the private key stays in that folder (readable by you only); back it up with the folder"
            )?;
        }
        KeyCommand::Show => {
            let key = DeviceKey::load(&dir)?.ok_or(KeyError::Missing(dir))?;
            say!("device     {}", key.device_id())?;
            say!("public key {}", key.public_hex())?;
        }
    }
    Ok(())
}

/// The device key, which bundle export needs.
pub fn required() -> Result<DeviceKey> {
    let dir = device::config_dir()?;
    Ok(DeviceKey::load(&dir)?.ok_or(KeyError::Missing(dir))?)
}
