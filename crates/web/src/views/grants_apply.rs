//! What the grants register page and the API share: the register's filter checked at the
//! edge, and its records shaped after the 360Giving Data Standard (identifiers, title,
//! description, currency, amounts, award date, recipient and funding organisations,
//! beneficiary location, planned dates). No personal data: organisations and projects
//! only.

use chrono::{Months, NaiveDate};
use jisr_store::grants::{RegisterFilter, RegisterRow};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The prefix of every identifier this publisher gives (360Giving's `360G-` prefix for
/// publishers without a registered one).
pub const PREFIX: &str = "360G-jisr";

/// The register's filter, each value checked: a year of four digits, an HCP province
/// code, a fund (free text). `Err` names the refused parameter.
pub fn checked_filter(
    year: Option<&str>,
    province: Option<&str>,
    fund: Option<&str>,
) -> Result<RegisterFilter, &'static str> {
    let year = year.map(str::trim).unwrap_or("");
    let valid_year = year.is_empty()
        || (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && year >= "1956");
    if !valid_year {
        return Err("year");
    }
    let province = province.map(str::trim).unwrap_or("");
    if !province.is_empty() && jisr_domain::geo::ProvinceCode::parse(province).is_err() {
        return Err("province");
    }
    let fund = fund.map(str::trim).unwrap_or("");
    if fund.chars().count() > 100 {
        return Err("fund");
    }
    Ok(RegisterFilter {
        year: year.to_owned(),
        province: province.to_owned(),
        fund: fund.to_owned(),
    })
}

/// An organisation named in a grant record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GivingOrganisation {
    pub id: String,
    pub name: String,
}

/// A place the grant benefits: the province, by name and HCP code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GivingLocation {
    pub name: String,
    #[serde(rename = "geoCode")]
    pub geo_code: String,
}

/// When the project is planned to run (`YYYY-MM-DD`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GivingDates {
    #[serde(rename = "startDate")]
    pub start_date: String,
    #[serde(rename = "endDate")]
    pub end_date: String,
}

/// One awarded grant, after the 360Giving Data Standard.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GivingGrant {
    /// `360G-jisr-<application>`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Always `MAD`.
    pub currency: String,
    #[serde(rename = "amountAwarded")]
    pub amount_awarded: i64,
    /// What the tranches released so far add up to.
    #[serde(rename = "amountDisbursed")]
    pub amount_disbursed: i64,
    /// `YYYY-MM-DD`.
    #[serde(rename = "awardDate")]
    pub award_date: String,
    #[serde(rename = "recipientOrganization")]
    pub recipient_organization: Vec<GivingOrganisation>,
    #[serde(rename = "fundingOrganization")]
    pub funding_organization: Vec<GivingOrganisation>,
    #[serde(rename = "beneficiaryLocation")]
    pub beneficiary_location: Vec<GivingLocation>,
    #[serde(rename = "plannedDates")]
    pub planned_dates: Vec<GivingDates>,
}

/// A 360Giving data package: the grants.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GivingPackage {
    pub grants: Vec<GivingGrant>,
}

fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_owned()
}

/// The record of one row; `provinces` maps HCP codes to (Arabic, French) names.
pub fn giving_grant(r: &RegisterRow, provinces: &HashMap<String, (String, String)>) -> GivingGrant {
    let name = if r.association_name_fr.trim().is_empty() {
        r.association_name_ar.clone()
    } else {
        r.association_name_fr.clone()
    };
    let province = provinces
        .get(&r.province_code)
        .map(|(ar, fr)| {
            if fr.is_empty() {
                ar.clone()
            } else {
                fr.clone()
            }
        })
        .unwrap_or_else(|| r.province_code.clone());
    let start = NaiveDate::parse_from_str(&r.award_date, "%Y-%m-%d").ok();
    let planned_dates = start
        .map(|s| {
            let months = u32::try_from(r.duration_months.max(0)).unwrap_or(0);
            let end = s.checked_add_months(Months::new(months)).unwrap_or(s);
            vec![GivingDates {
                start_date: s.to_string(),
                end_date: end.to_string(),
            }]
        })
        .unwrap_or_default();
    GivingGrant {
        id: format!("{PREFIX}-{}", r.application_id),
        title: r.project_title.clone(),
        description: r.objectives.clone(),
        currency: "MAD".into(),
        amount_awarded: r.amount,
        amount_disbursed: r.tranches_paid,
        award_date: r.award_date.clone(),
        recipient_organization: vec![GivingOrganisation {
            id: format!("{PREFIX}-association-{}", r.association_id),
            name,
        }],
        funding_organization: vec![GivingOrganisation {
            id: format!("{PREFIX}-fund-{}", slug(&r.fund)),
            name: r.fund.clone(),
        }],
        beneficiary_location: vec![GivingLocation {
            name: province,
            geo_code: r.province_code.clone(),
        }],
        planned_dates,
    }
}

/// The province names by code, for the records.
pub async fn province_names(
    store: &jisr_store::Store,
) -> Result<HashMap<String, (String, String)>, jisr_store::StoreError> {
    Ok(jisr_store::geo::provinces(store.conn(), None)
        .await?
        .into_iter()
        .map(|p| (p.code, (p.name_ar, p.name_fr)))
        .collect())
}

/// The register as a 360Giving CSV file (the standard's column titles).
pub fn giving_csv(grants: &[GivingGrant]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Amount Disbursed",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Beneficiary Location:Name",
        "Beneficiary Location:Geographic Code",
        "Planned Dates:Start Date",
        "Planned Dates:End Date",
    ])?;
    for g in grants {
        let first = |v: &[GivingOrganisation], id: bool| {
            v.first()
                .map(|o| if id { o.id.clone() } else { o.name.clone() })
                .unwrap_or_default()
        };
        let loc = g.beneficiary_location.first();
        let dates = g.planned_dates.first();
        w.write_record([
            g.id.clone(),
            g.title.clone(),
            g.description.clone(),
            g.currency.clone(),
            g.amount_awarded.to_string(),
            g.amount_disbursed.to_string(),
            g.award_date.clone(),
            first(&g.recipient_organization, true),
            first(&g.recipient_organization, false),
            first(&g.funding_organization, true),
            first(&g.funding_organization, false),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.map(|l| l.geo_code.clone()).unwrap_or_default(),
            dates.map(|d| d.start_date.clone()).unwrap_or_default(),
            dates.map(|d| d.end_date.clone()).unwrap_or_default(),
        ])?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> RegisterRow {
        RegisterRow {
            application_id: 7,
            call_id: 1,
            fund: "FAS".into(),
            project_title: "Atelier".into(),
            objectives: "Accueillir".into(),
            amount: 150_000,
            award_date: "2026-03-10".into(),
            association_id: 3,
            association_name_ar: "جمعية".into(),
            association_name_fr: "Association Amal".into(),
            province_code: "07.427".into(),
            duration_months: 12,
            tranches_paid: 90_000,
        }
    }

    #[test]
    fn a_record_has_the_standards_required_fields() {
        let mut p = HashMap::new();
        p.insert("07.427".to_string(), ("الرحامنة".into(), "Rehamna".into()));
        let g = giving_grant(&row(), &p);
        let v = serde_json::to_value(&g).unwrap();
        for k in [
            "id",
            "title",
            "currency",
            "amountAwarded",
            "awardDate",
            "recipientOrganization",
            "fundingOrganization",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
        assert_eq!(v["id"], "360G-jisr-7");
        assert_eq!(v["currency"], "MAD");
        assert_eq!(v["recipientOrganization"][0]["name"], "Association Amal");
        assert_eq!(v["beneficiaryLocation"][0]["name"], "Rehamna");
        assert_eq!(v["beneficiaryLocation"][0]["geoCode"], "07.427");
        assert_eq!(v["plannedDates"][0]["endDate"], "2027-03-10");
        let csv = String::from_utf8(giving_csv(&[g]).unwrap()).unwrap();
        assert!(csv.starts_with("Identifier,Title"));
        assert!(csv.contains("360G-jisr-7,Atelier,Accueillir,MAD,150000,90000,2026-03-10"));
    }

    #[test]
    fn the_filter_is_checked_at_the_edge() {
        assert!(checked_filter(Some("2026"), Some("07.427"), Some("FAS")).is_ok());
        assert_eq!(
            checked_filter(Some("20x6"), None, None).unwrap_err(),
            "year"
        );
        assert_eq!(
            checked_filter(None, Some("zz"), None).unwrap_err(),
            "province"
        );
        assert!(checked_filter(None, None, None).is_ok());
    }
}
