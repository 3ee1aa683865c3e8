//! Boundaries of Morocco's regions and provinces, from GeoJSON.

use std::sync::OnceLock;

use serde::Deserialize;

/// A ring of `[longitude, latitude]` points (WGS 84).
pub type Ring = Vec<[f64; 2]>;
/// A polygon: an outer ring, then holes.
pub type Polygon = Vec<Ring>;

/// Which boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    /// The 12 regions.
    Region,
    /// The 83 provinces and prefectures.
    Province,
}

/// One area: its HCP code, names and outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// HCP code (`"01"` for a region, `"01.051"` for a province).
    pub code: String,
    /// French name.
    pub name_fr: String,
    /// Arabic name.
    pub name_ar: String,
    /// The outline: one polygon, or several (islands, enclaves).
    pub polygons: Vec<Polygon>,
}

/// Why a GeoJSON text could not be read.
#[derive(Debug)]
pub struct GeoError(String);

impl std::fmt::Display for GeoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid boundaries: {}", self.0)
    }
}

impl std::error::Error for GeoError {}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    code: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    name_ar: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<Vec<f64>>>),
    MultiPolygon(Vec<Vec<Vec<Vec<f64>>>>),
}

fn ring(points: Vec<Vec<f64>>) -> Result<Ring, GeoError> {
    points
        .into_iter()
        .map(|p| match p.as_slice() {
            [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Ok([*lon, *lat]),
            _ => Err(GeoError(format!("bad position {p:?}"))),
        })
        .collect()
}

fn polygon(rings: Vec<Vec<Vec<f64>>>) -> Result<Polygon, GeoError> {
    rings.into_iter().map(ring).collect()
}

/// Reads a GeoJSON FeatureCollection whose features have `code`, `name_fr` and `name_ar`
/// properties and a Polygon or MultiPolygon geometry.
pub fn parse_geojson(text: &str) -> Result<Vec<Area>, GeoError> {
    let collection: Collection = serde_json::from_str(text).map_err(|e| GeoError(e.to_string()))?;
    collection
        .features
        .into_iter()
        .map(|f| {
            let polygons = match f.geometry {
                Geometry::Polygon(p) => vec![polygon(p)?],
                Geometry::MultiPolygon(ps) => {
                    ps.into_iter().map(polygon).collect::<Result<_, _>>()?
                }
            };
            Ok(Area {
                code: f.properties.code,
                name_fr: f.properties.name_fr,
                name_ar: f.properties.name_ar,
                polygons,
            })
        })
        .collect()
}

const REGIONS: &str = include_str!("../../../data/geo/boundaries/regions.geojson");
const PROVINCES: &str = include_str!("../../../data/geo/boundaries/provinces.geojson");

/// The embedded boundaries of a level (`data/geo/boundaries/`), parsed once.
///
/// ```
/// use jisr_charts::{boundaries, Level};
/// assert_eq!(boundaries(Level::Region).len(), 12);
/// ```
pub fn boundaries(level: Level) -> &'static [Area] {
    static REGION: OnceLock<Vec<Area>> = OnceLock::new();
    static PROVINCE: OnceLock<Vec<Area>> = OnceLock::new();
    let (cell, text) = match level {
        Level::Region => (&REGION, REGIONS),
        Level::Province => (&PROVINCE, PROVINCES),
    };
    // The files are part of the source tree and checked by the tests.
    cell.get_or_init(|| parse_geojson(text).expect("embedded boundaries are valid GeoJSON"))
}

/// A map projection fitted to a box: equirectangular, longitudes scaled by the cosine of
/// the middle latitude so that shapes are about right at Morocco's latitudes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Projection {
    scale: f64,
    k: f64,
    min_x: f64,
    max_y: f64,
    dx: f64,
    dy: f64,
}

impl Projection {
    /// Fits `areas` in the box `(left, top, width, height)`, centred.
    pub fn fit(areas: &[Area], left: f64, top: f64, width: f64, height: f64) -> Projection {
        let points = areas
            .iter()
            .flat_map(|a| a.polygons.iter().flatten().flatten());
        let (mut lon0, mut lon1, mut lat0, mut lat1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in points {
            lon0 = lon0.min(p[0]);
            lon1 = lon1.max(p[0]);
            lat0 = lat0.min(p[1]);
            lat1 = lat1.max(p[1]);
        }
        if lon0 > lon1 {
            (lon0, lon1, lat0, lat1) = (0.0, 1.0, 0.0, 1.0);
        }
        let k = ((lat0 + lat1) / 2.0).to_radians().cos();
        let (gw, gh) = (((lon1 - lon0) * k).max(1e-9), (lat1 - lat0).max(1e-9));
        let scale = (width / gw).min(height / gh);
        Projection {
            scale,
            k,
            min_x: lon0 * k,
            max_y: lat1,
            dx: left + (width - gw * scale) / 2.0,
            dy: top + (height - gh * scale) / 2.0,
        }
    }

    /// The point of `[lon, lat]` in the box.
    pub fn project(&self, p: [f64; 2]) -> (f64, f64) {
        (
            self.dx + (p[0] * self.k - self.min_x) * self.scale,
            self.dy + (self.max_y - p[1]) * self.scale,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_levels_have_every_area_once() {
        let regions = boundaries(Level::Region);
        let provinces = boundaries(Level::Province);
        assert_eq!(regions.len(), 12);
        assert_eq!(provinces.len(), 83);
        let mut codes: Vec<&str> = provinces.iter().map(|a| a.code.as_str()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 83);
        for p in provinces {
            let region = &p.code[..2];
            assert!(
                regions.iter().any(|r| r.code == region),
                "{} has no region",
                p.code
            );
            assert!(!p.name_ar.is_empty() && !p.name_fr.is_empty());
            assert!(!p.polygons.is_empty() && p.polygons.iter().all(|poly| poly[0].len() >= 4));
        }
    }

    #[test]
    fn multipolygons_and_altitudes_are_read() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"code":"X","name_fr":"x","name_ar":"س"},
          "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]],[[[2,2],[3,2],[3,3],[2,2]]]]}}]}"#;
        let areas = parse_geojson(text).unwrap();
        assert_eq!(areas[0].polygons.len(), 2);
        assert_eq!(areas[0].polygons[0][0][1], [1.0, 0.0]);
        assert!(parse_geojson(r#"{"features":[{"properties":{"code":"X"},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#).is_err());
    }

    #[test]
    fn the_projection_keeps_north_up_and_fits_the_box() {
        let areas = boundaries(Level::Region);
        let p = Projection::fit(areas, 10.0, 20.0, 400.0, 500.0);
        let tangier = p.project([-5.8, 35.78]);
        let dakhla = p.project([-15.93, 23.7]);
        assert!(tangier.1 < dakhla.1, "north is up");
        assert!(tangier.0 > dakhla.0, "east is right");
        for a in areas {
            for &pt in a.polygons.iter().flatten().flatten() {
                let (x, y) = p.project(pt);
                assert!((9.99..=410.01).contains(&x) && (19.99..=520.01).contains(&y));
            }
        }
    }
}
