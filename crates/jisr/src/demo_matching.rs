//! Demo persons for matching: in Rehamna, a few persons filed twice under spellings in
//! the other script (Arabic only and Latin only, or with a typo), so a provincial officer
//! can search them, start the duplicate search, merge a pair, undo it and mark another
//! "not the same"; and a child a social worker finds again when admitting her.

use anyhow::Result;
use jisr_store::Store;
use jisr_store::audit::Actor;
use jisr_store::progress::Silent;

const DUPLICATES: &str = "household_key,commune_code,person_key,first_name_ar,last_name_ar,first_name_lat,last_name_lat,birth_date,sex,relation\n\
DM-0001,07.427.01.01,DM-P01,محمد,العلوي,,,1978-04-12,male,head\n\
DM-0001,07.427.01.01,DM-P02,خديجة,العلوي,,,2014-09-03,female,child\n\
DM-0002,07.427.01.01,DM-P03,,,Mohamed,El Alaoui,1978-04-12,male,head\n\
DM-0003,07.427.01.01,DM-P04,فاطمة الزهراء,بناني,Fatima Zahra,Bennani,1990-02-20,female,head\n\
DM-0004,07.427.01.01,DM-P05,,,Fatima-Zahra,Benani,1990-02-20,female,head\n\
DM-0005,07.427.01.01,DM-P06,يوسف,الإدريسي,,,1985-11-01,male,head\n\
DM-0006,07.427.01.01,DM-P07,,,Youssef,Idrissi,1985-11-01,male,head\n";

/// Imports the demo's duplicate persons through the normal registry import.
pub async fn seed(store: &Store, actor: &Actor) -> Result<()> {
    jisr_store::registry::import_households(store, actor, DUPLICATES.as_bytes(), &Silent)
        .await
        .map_err(|e| anyhow::anyhow!("demo duplicate persons: {e:?}"))?;
    Ok(())
}
