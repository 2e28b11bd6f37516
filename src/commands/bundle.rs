//! `frontera bundle export|verify|import`: signed bundles between laptops and HQ.

use anyhow::Result;

use super::Context;
use crate::cli::BundleCommand;
use crate::say;
use crate::store::bundle::verify_file;

pub fn run(ctx: &Context, cmd: &BundleCommand) -> Result<()> {
    match cmd {
        BundleCommand::Export { ids, output } => {
            let key = super::key::required()?;
            let mut store = ctx.open_store()?;
            let ids = ids
                .iter()
                .map(|id| ctx.resolve(&store, id))
                .collect::<Result<Vec<_>>>()?;
            let done = store.export_bundle(&ids, &key, output)?;
            say!(
                "wrote {} ({} assessments, {} bytes), signed by device {}",
                done.path.display(),
                done.assessments,
                done.bytes,
                done.device_id
            )?;
        }
        BundleCommand::Verify { file } => {
            let (_, v) = verify_file(file)?;
            say!(
                "{}: signature, table hashes and chains are intact",
                file.display()
            )?;
            say!(
                "signed by device {} (public key {}) at {}",
                v.signer_device,
                v.signer_key,
                v.created_at
            )?;
            say!("assessments: {}", v.assessments.join(", "))?;
            for (table, rows) in &v.tables {
                say!("  {table:<18} {rows} rows")?;
            }
            for (device, length) in &v.chains {
                say!("  chain {device} {length} links")?;
            }
        }
        BundleCommand::Import { files, trust } => {
            let mut store = ctx.create_store()?;
            for file in files {
                let s = store.import_bundle(file, *trust)?;
                if s.newly_trusted {
                    say!(
                        "TRUSTED a new signer: device {} is now remembered as trusted by this database (--trust)",
                        s.signer
                    )?;
                }
                if s.is_noop() {
                    say!("{}: already imported, nothing changed", file.display())?;
                    continue;
                }
                say!(
                    "{}: {} new assessments, {} merged; {} changes taken, {} conflicts to resolve, {} chain links stored",
                    file.display(),
                    s.new_assessments,
                    s.merged_assessments,
                    s.taken,
                    s.conflicts,
                    s.chain_rows
                )?;
            }
        }
    }
    Ok(())
}
