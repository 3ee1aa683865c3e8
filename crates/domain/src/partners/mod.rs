//! Partners: consultations of establishments through questionnaires. The questionnaire
//! engine ([`questionnaire`]) holds a questionnaire as data and checks an answer set
//! against it; [`xlsform`] reads one from the sheets of an XLSForm workbook (the format
//! ODK and KoboToolbox use); [`campaign`] holds the rules of a consultation campaign.

pub mod campaign;
pub mod meetings;
pub mod questionnaire;
pub mod staff_survey;
pub mod xlsform;
