//! Store tests: each runs on a fresh SQLite database, and again on PostgreSQL when
//! `JISR_TEST_DATABASE_URL` is set.

use jisr_domain::access::{Role, Scope};
use jisr_domain::audit::ChainBreak;
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_domain::org::UnitKind;
use jisr_store::accounts::{self, Password};
use jisr_store::audit::{self, Actor};
use jisr_store::geo::{self, GeoSource};
use jisr_store::org::{self, NewUnit};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use jisr_store::{Backend, Store, StoreError};
use sea_orm::{ConnectionTrait, EntityTrait};

fn cli() -> Actor {
    Actor::system("test")
}

async fn with_geography(store: &Store) {
    geo::import(store, &GeoSource::embedded(), &cli(), &Silent)
        .await
        .unwrap();
}

#[tokio::test]
async fn geo_import_loads_everything_and_is_idempotent() {
    each_backend(|store| async move {
        let first = geo::import(&store, &GeoSource::embedded(), &cli(), &Silent)
            .await
            .unwrap();
        assert_eq!(first.inserted, 12 + 83 + 213 + 1503 + 41);
        let counts = geo::counts(&store).await.unwrap();
        assert_eq!(
            (counts.regions, counts.provinces, counts.communes),
            (12, 83, 1503)
        );
        assert_eq!((counts.cercles, counts.arrondissements), (213, 41));
        let audit_after_first = audit::count(&store).await.unwrap();
        assert_eq!(audit_after_first, 1);

        let second = geo::import(&store, &GeoSource::embedded(), &cli(), &Silent)
            .await
            .unwrap();
        assert_eq!((second.inserted, second.updated), (0, 0));
        assert_eq!(second.unchanged, first.inserted);
        assert_eq!(
            audit::count(&store).await.unwrap(),
            audit_after_first,
            "no-op import is not audited"
        );

        let rehamna = ProvinceCode::parse("07.427").unwrap();
        let communes = geo::communes(store.conn(), &rehamna).await.unwrap();
        assert_eq!(communes.len(), 25);
        assert!(
            communes
                .iter()
                .all(|c| !c.name_ar.is_empty() && !c.name_fr.is_empty())
        );
        let provinces = geo::provinces(store.conn(), Some(&RegionCode::parse("07").unwrap()))
            .await
            .unwrap();
        assert_eq!(provinces.len(), 8);
    })
    .await;
}

#[tokio::test]
async fn a_changed_file_updates_rows_and_a_bad_file_writes_nothing() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let dir = std::env::temp_dir().join(format!("jisr-geo-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/geo");
        for f in [
            "regions.csv",
            "provinces.csv",
            "cercles.csv",
            "communes.csv",
            "arrondissements.csv",
        ] {
            std::fs::copy(src.join(f), dir.join(f)).unwrap();
        }
        let regions = std::fs::read_to_string(dir.join("regions.csv")).unwrap();
        std::fs::write(
            dir.join("regions.csv"),
            regions.replace("Oriental,", "L'Oriental,"),
        )
        .unwrap();
        let s = geo::import(&store, &GeoSource::from_dir(&dir).unwrap(), &cli(), &Silent)
            .await
            .unwrap();
        assert_eq!((s.inserted, s.updated), (0, 1));
        let r = geo::region(store.conn(), &RegionCode::parse("02").unwrap())
            .await
            .unwrap();
        assert_eq!(r.name_fr, "L'Oriental");

        // A malformed commune file: the region edit in the same batch must not land.
        std::fs::write(
            dir.join("regions.csv"),
            regions.replace("Oriental,", "Orient,"),
        )
        .unwrap();
        let communes = std::fs::read_to_string(dir.join("communes.csv")).unwrap();
        std::fs::write(
            dir.join("communes.csv"),
            format!("{communes}99.999.99.99,x,x,X,س,rural,99,99.999,,1,1,1,0\n"),
        )
        .unwrap();
        let before = audit::count(&store).await.unwrap();
        let err = geo::import(&store, &GeoSource::from_dir(&dir).unwrap(), &cli(), &Silent)
            .await
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("communes.csv:1505:"), "{msg}");
        let r = geo::region(store.conn(), &RegionCode::parse("02").unwrap())
            .await
            .unwrap();
        assert_eq!(r.name_fr, "L'Oriental");
        assert_eq!(audit::count(&store).await.unwrap(), before);
        std::fs::remove_dir_all(&dir).ok();
    })
    .await;
}

#[tokio::test]
async fn units_nest_and_a_delegation_covers_provinces() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let central = org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "CENTRAL".into(),
                kind: UnitKind::Central,
                name_ar: "الإدارة المركزية".into(),
                name_fr: "Administration centrale".into(),
                parent: None,
                region: None,
                provinces: vec![],
            },
        )
        .await
        .unwrap();
        let r07 = RegionCode::parse("07").unwrap();
        let coord = org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "RC-07".into(),
                kind: UnitKind::RegionalCoordination,
                name_ar: "تنسيقية".into(),
                name_fr: "Coordination".into(),
                parent: Some(central),
                region: Some(r07.clone()),
                provinces: vec![],
            },
        )
        .await
        .unwrap();
        let two = vec![
            ProvinceCode::parse("07.427").unwrap(),
            ProvinceCode::parse("07.585").unwrap(),
        ];
        org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "DP-07.427".into(),
                kind: UnitKind::ProvincialDelegation,
                name_ar: "مندوبية".into(),
                name_fr: "Délégation".into(),
                parent: Some(coord),
                region: Some(r07.clone()),
                provinces: two,
            },
        )
        .await
        .unwrap();
        let d = org::delegation_of(store.conn(), &ProvinceCode::parse("07.585").unwrap())
            .await
            .unwrap();
        assert_eq!(d.unwrap().code, "DP-07.427");

        // A province already covered, one outside the region, and a wrong parent are refused.
        let again = org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "DP-X".into(),
                kind: UnitKind::ProvincialDelegation,
                name_ar: "x".into(),
                name_fr: "x".into(),
                parent: Some(coord),
                region: Some(r07.clone()),
                provinces: vec![ProvinceCode::parse("07.427").unwrap()],
            },
        )
        .await;
        assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
        let outside = org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "DP-Y".into(),
                kind: UnitKind::ProvincialDelegation,
                name_ar: "x".into(),
                name_fr: "x".into(),
                parent: Some(coord),
                region: Some(r07.clone()),
                provinces: vec![ProvinceCode::parse("06.141").unwrap()],
            },
        )
        .await;
        assert!(
            matches!(outside, Err(StoreError::Invalid(_))),
            "{outside:?}"
        );
        let wrong_parent = org::create_unit(
            &store,
            &cli(),
            NewUnit {
                code: "DP-Z".into(),
                kind: UnitKind::ProvincialDelegation,
                name_ar: "x".into(),
                name_fr: "x".into(),
                parent: Some(central),
                region: Some(r07),
                provinces: vec![ProvinceCode::parse("07.431").unwrap()],
            },
        )
        .await;
        assert!(
            matches!(wrong_parent, Err(StoreError::Invalid(_))),
            "{wrong_parent:?}"
        );
        assert_eq!(org::units(store.conn()).await.unwrap().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn users_get_hashed_passwords_and_fitting_grants() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let pw = Password::parse("a long enough password").unwrap();
        let id = accounts::create_user(&store, &cli(), "Admin", "Admin", &pw, true)
            .await
            .unwrap();
        let dup = accounts::create_user(&store, &cli(), "admin", "Other", &pw, true).await;
        assert!(matches!(dup, Err(StoreError::Conflict(_))));
        let u = accounts::find_user(store.conn(), "ADMIN").await.unwrap();
        assert!(accounts::verify_password(
            &u.password_hash,
            "a long enough password"
        ));
        assert!(u.must_change_password);

        accounts::grant_role(
            &store,
            &cli(),
            id,
            Role::NationalAdministrator,
            &Scope::National,
        )
        .await
        .unwrap();
        let rehamna = Scope::Province(ProvinceCode::parse("07.427").unwrap());
        accounts::grant_role(&store, &cli(), id, Role::ProvincialOfficer, &rehamna)
            .await
            .unwrap();
        let misfit =
            accounts::grant_role(&store, &cli(), id, Role::NationalAdministrator, &rehamna).await;
        assert!(matches!(misfit, Err(StoreError::Invalid(_))));
        let nowhere = Scope::Province(ProvinceCode::parse("07.999").unwrap());
        let unknown =
            accounts::grant_role(&store, &cli(), id, Role::ProvincialOfficer, &nowhere).await;
        assert!(matches!(unknown, Err(StoreError::Invalid(_))));
        assert_eq!(
            accounts::grants(store.conn(), id).await.unwrap(),
            vec![
                (Role::NationalAdministrator, Scope::National),
                (Role::ProvincialOfficer, rehamna)
            ]
        );
        // The trail never holds the password or its hash.
        let trail: Vec<String> = jisr_store::entity::audit_log::Entity::find()
            .all(store.conn())
            .await
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.before, e.after))
            .collect();
        assert!(trail.len() >= 3);
        assert!(
            trail
                .iter()
                .all(|t| !t.contains("$argon2") && !t.contains("enough password"))
        );
    })
    .await;
}

#[tokio::test]
async fn the_audit_chain_verifies_and_catches_tampering() {
    each_backend(|store| async move {
        with_geography(&store).await;
        let pw = Password::parse("a long enough password").unwrap();
        for name in ["amina", "youssef", "khadija"] {
            accounts::create_user(&store, &cli(), name, name, &pw, false).await.unwrap();
        }
        let ok = audit::verify(&store).await.unwrap();
        assert_eq!((ok.entries, ok.first_break), (4, None));

        // The database itself refuses to change or remove an entry.
        let upd = store.conn().execute_unprepared("UPDATE audit_log SET actor = 'x' WHERE id = 2").await;
        assert!(upd.is_err(), "update must be rejected");
        let del = store.conn().execute_unprepared("DELETE FROM audit_log WHERE id = 2").await;
        assert!(del.is_err(), "delete must be rejected");

        // Behind the application's back: lift the guard, alter entry 3, restore the guard.
        let (drop, create) = match store.backend() {
            Backend::Sqlite => (
                "DROP TRIGGER audit_log_no_update",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            ),
            Backend::Postgres => (
                "DROP TRIGGER audit_log_no_update ON audit_log",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
            ),
        };
        let txn = store.begin_write().await.unwrap();
        txn.execute_unprepared(drop).await.unwrap();
        txn.execute_unprepared("UPDATE audit_log SET after = replace(after, 'youssef', 'yusuf') WHERE id = 3")
            .await
            .unwrap();
        txn.execute_unprepared(create).await.unwrap();
        txn.commit().await.unwrap();
        let broken = audit::verify(&store).await.unwrap();
        assert_eq!(broken.first_break, Some(ChainBreak::HashMismatch { id: 3 }));
        assert_eq!(broken.entries, 2);
    })
    .await;
}

#[tokio::test]
async fn migrations_report_their_status() {
    each_backend(|store| async move {
        let status = store.migration_status().await.unwrap();
        assert!(status.len() >= 4);
        assert!(status.iter().all(|(_, applied)| *applied));
        assert!(!store.has_pending_migrations().await.unwrap());
    })
    .await;
}

mod checkpoints {
    use super::*;
    use jisr_domain::audit::checkpoint::{Anchoring, CheckpointError, Signed, SigningKey};
    use jisr_domain::audit::{Entity, entry_hash};
    use jisr_store::audit::checkpoint;
    use jisr_store::entity::audit_log;
    use sea_orm::QueryOrder;

    fn key() -> SigningKey {
        SigningKey::from_bytes(&[5; 32])
    }

    /// Appends `n` sign-in entries to the trail.
    async fn write(store: &Store, n: usize) {
        for _ in 0..n {
            let txn = store.begin_write().await.unwrap();
            audit::record_event(&txn, &cli(), audit::Action::Login, Entity::User, "1".into())
                .await
                .unwrap();
            txn.commit().await.unwrap();
        }
    }

    async fn behind_the_back(store: &Store, sql: &[String]) {
        jisr_store::testing::behind_the_back(store, sql).await;
    }

    async fn check(store: &Store, c: &Signed) -> Result<Anchoring, CheckpointError> {
        let trusted = key().verifying_key().to_bytes();
        checkpoint::check(store, c, Some(&trusted)).await.unwrap()
    }

    #[tokio::test]
    async fn a_checkpoint_holds_while_the_trail_grows_and_detects_its_tail_cut() {
        each_backend(|store| async move {
            write(&store, 5).await;
            let (c1, new) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            assert!(new);
            assert_eq!((c1.checkpoint.seq, c1.checkpoint.entries), (1, 6));
            // Nothing written since: the same checkpoint, no new entry.
            let (again, new) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            assert!(!new);
            assert_eq!(again, c1);
            assert_eq!(audit::count(&store).await.unwrap(), 6);

            write(&store, 2).await;
            assert_eq!(check(&store, &c1).await, Ok(Anchoring::Holds { since: 2 }));
            let (c2, _) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            assert_eq!((c2.checkpoint.seq, c2.checkpoint.entries), (2, 9));
            assert_eq!(checkpoint::latest(&store).await.unwrap(), Some(c2.clone()));

            // A checkpoint edited to vouch for fewer entries no longer verifies.
            let edited = c2.to_text().replace("entries: 9", "entries: 6");
            let edited = Signed::parse(&edited).unwrap();
            assert_eq!(
                check(&store, &edited).await,
                Err(CheckpointError::BadSignature)
            );
            // One signed by another key is refused against the trusted key.
            let other = c2
                .checkpoint
                .clone()
                .sign(&SigningKey::from_bytes(&[6; 32]));
            assert!(matches!(
                check(&store, &other).await,
                Err(CheckpointError::OtherKey { .. })
            ));

            // The three newest entries deleted: the chain alone still verifies...
            behind_the_back(&store, &["DELETE FROM audit_log WHERE id > 6".into()]).await;
            let v = audit::verify(&store).await.unwrap();
            assert_eq!((v.entries, v.first_break), (6, None));
            // ...but the checkpoint the database itself took names the cut.
            assert_eq!(
                check(&store, &c2).await,
                Ok(Anchoring::Truncated { missing: 3 })
            );
            assert_eq!(check(&store, &c1).await, Ok(Anchoring::Holds { since: 0 }));
        })
        .await;
    }

    #[tokio::test]
    async fn an_older_copy_restored_over_the_database_is_named_a_rollback() {
        each_backend(|store| async move {
            write(&store, 3).await;
            let (c1, _) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            write(&store, 4).await;
            let (c2, _) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            // The database as it was at the first checkpoint (a backup taken then)...
            behind_the_back(
                &store,
                &[
                    format!("DELETE FROM audit_log WHERE id > {}", c1.checkpoint.entries),
                    "DELETE FROM audit_checkpoints WHERE seq > 1".into(),
                ],
            )
            .await;
            // ...restored and written to since: longer than before, chain intact.
            write(&store, 6).await;
            let v = audit::verify(&store).await.unwrap();
            assert_eq!((v.entries, v.first_break), (10, None));
            assert!(v.entries >= c2.checkpoint.entries);
            assert_eq!(
                check(&store, &c2).await,
                Ok(Anchoring::RolledBack {
                    newest_recorded_seq: Some(1),
                    missing: 0
                })
            );
        })
        .await;
    }

    #[tokio::test]
    async fn a_trail_rewritten_with_every_hash_recomputed_is_named() {
        each_backend(|store| async move {
            write(&store, 4).await;
            let (c1, _) = checkpoint::take(&store, &cli(), &key()).await.unwrap();
            // Alter entry 2 and recompute every hash after it, so the chain is consistent.
            let rows = audit_log::Entity::find()
                .order_by_asc(audit_log::Column::Id)
                .all(store.conn())
                .await
                .unwrap();
            let mut prev = rows[0].hash.clone();
            let mut sql = Vec::new();
            for mut e in rows.into_iter().skip(1) {
                if e.id == 2 {
                    e.entity_id = "2".into();
                }
                let hash = entry_hash(&prev, &audit::chained(&e));
                sql.push(format!(
                    "UPDATE audit_log SET entity_id = '{}', prev_hash = '{prev}', hash = '{hash}' WHERE id = {}",
                    e.entity_id, e.id
                ));
                prev = hash;
            }
            behind_the_back(&store, &sql).await;
            let v = audit::verify(&store).await.unwrap();
            assert_eq!((v.entries, v.first_break), (5, None));
            assert_eq!(
                check(&store, &c1).await,
                Ok(Anchoring::Rewritten { entry: 5 })
            );
        })
        .await;
    }
}
