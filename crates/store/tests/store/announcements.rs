//! Announcements in the store, on SQLite and PostgreSQL: drafts within the writer's
//! territory (every error at once), another province's not found, a region's seen by its
//! coordinator, public news shown from its day to its expiry, withdrawn, audited.

use jisr_domain::access::{Role, Scope};
use jisr_domain::announcements::AnnouncementInput;
use jisr_domain::geo::{ProvinceCode, RegionCode};
use jisr_store::StoreError;
use jisr_store::announcements::{AnnouncementError, Scoped, public_item, public_news};
use jisr_store::audit::Actor;
use jisr_store::entity::audit_log;
use jisr_store::geo::{self, GeoSource};
use jisr_store::progress::Silent;
use jisr_store::testing::each_backend;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn input(audience: &str, territories: &[&str]) -> AnnouncementInput {
    AnnouncementInput {
        audience: audience.into(),
        title_ar: "إعلان".into(),
        title_fr: "Annonce".into(),
        body_ar: "نص".into(),
        body_fr: "Texte".into(),
        territories: territories.iter().map(|t| (*t).to_owned()).collect(),
        ..Default::default()
    }
}

#[tokio::test]
async fn announcements_stay_in_their_territory_and_news_shows_when_due() {
    each_backend(|store| async move {
        let actor = Actor::system("officer");
        geo::import(&store, &GeoSource::embedded(), &actor, &Silent)
            .await
            .unwrap();
        let province = |c: &str| Scope::Province(ProvinceCode::parse(c).unwrap());
        let rehamna_g = [(Role::ProvincialOfficer, province("07.427"))];
        let safi_g = [(Role::ProvincialOfficer, province("07.431"))];
        let coord_g = [(
            Role::RegionalCoordinator,
            Scope::Region(RegionCode::parse("07").unwrap()),
        )];
        let owner_g = [(Role::ProgrammeOwner, Scope::National)];
        let social_g = [(Role::SocialWorker, province("07.427"))];
        let (rehamna, safi, coord, owner) = (
            Scoped::new(&store, &rehamna_g),
            Scoped::new(&store, &safi_g),
            Scoped::new(&store, &coord_g),
            Scoped::new(&store, &owner_g),
        );
        // Every error at once; outside the territory refused.
        match rehamna.create(&actor, &AnnouncementInput::default()).await {
            Err(AnnouncementError::Fields(f)) => assert_eq!(f.len(), 5, "{f:?}"),
            other => panic!("{other:?}"),
        }
        for t in [&["07.431"][..], &[][..], &["07"][..]] {
            match rehamna.create(&actor, &input("partners", t)).await {
                Err(AnnouncementError::Fields(f)) => {
                    assert_eq!(f, [("territories", "ann-error-territories-outside")])
                }
                other => panic!("{t:?}: {other:?}"),
            }
        }
        let mut bad = input("partners", &["07.427"]);
        bad.categories = vec!["planets".into()];
        assert!(matches!(
            rehamna.create(&actor, &bad).await,
            Err(AnnouncementError::Fields(_))
        ));
        assert!(matches!(
            Scoped::new(&store, &social_g)
                .create(&actor, &input("partners", &["07.427"]))
                .await,
            Err(AnnouncementError::Store(StoreError::NotFound))
        ));
        let own = rehamna
            .create(&actor, &input("partners", &["07.427"]))
            .await
            .unwrap();
        let region = coord
            .create(&actor, &input("partners", &["07.427", "07.431"]))
            .await
            .unwrap();
        // Another province's is not found; the region's coordinator sees both.
        assert!(matches!(safi.find(own).await, Err(StoreError::NotFound)));
        assert!(matches!(
            safi.publish(&actor, own).await,
            Err(AnnouncementError::Store(StoreError::NotFound))
        ));
        assert!(matches!(
            rehamna.find(region).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(coord.list().await.unwrap().len(), 2);
        assert_eq!(rehamna.list().await.unwrap().len(), 1);
        assert!(safi.list().await.unwrap().is_empty());
        // News: a draft and a future one do not show; today's does, until withdrawn.
        let today = jisr_domain::time::today();
        let draft = owner.create(&actor, &input("public", &[])).await.unwrap();
        let mut later = input("public", &[]);
        later.publish_on = (today + chrono::Days::new(2)).to_string();
        let later = owner.create(&actor, &later).await.unwrap();
        owner.publish(&actor, later).await.unwrap();
        let now = owner.create(&actor, &input("public", &[])).await.unwrap();
        owner.publish(&actor, now).await.unwrap();
        owner.publish(&actor, now).await.unwrap();
        let shown: Vec<i64> = public_news(&store)
            .await
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(shown, [now]);
        for id in [draft, later, own] {
            assert!(matches!(
                public_item(&store, id).await,
                Err(StoreError::NotFound)
            ));
        }
        // A published one is withdrawn before it changes.
        assert!(matches!(
            owner.update(&actor, now, &input("public", &[])).await,
            Err(AnnouncementError::Fields(_))
        ));
        owner.withdraw(&actor, now).await.unwrap();
        assert!(public_news(&store).await.unwrap().is_empty());
        owner
            .update(&actor, now, &input("public", &["07"]))
            .await
            .unwrap();
        // Every change audited, once (publishing twice changed nothing).
        let count = |action: &'static str| {
            let store = store.clone();
            async move {
                audit_log::Entity::find()
                    .filter(audit_log::Column::Entity.eq("announcement"))
                    .filter(audit_log::Column::Action.eq(action))
                    .count(store.conn())
                    .await
                    .unwrap()
            }
        };
        assert_eq!(count("create").await, 5);
        assert_eq!(count("publish").await, 2);
        assert_eq!(count("withdraw").await, 1);
        assert_eq!(count("update").await, 1);
    })
    .await;
}
