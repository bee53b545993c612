//! Turning an outlier of the story analysis into a finding; shared by
//! `numeric-contradiction` and `magnitude-mismatch`.

use super::CorpusData;
use crate::corpus::Resident;
use crate::extract::Claim;
use crate::finding::{counted, fingerprint, Finding, Place, Related};
use crate::story::{ClaimRef, Outlier, Status};
use std::borrow::Cow;
use std::collections::HashMap;

/// The findings of `rule`: one per outlier of the story analysis with `status`.
pub fn findings(rule: &'static str, status: Status, data: &CorpusData<'_>) -> Vec<Finding> {
    let outliers: Vec<&Outlier> = data.analysis().outliers.iter().filter(|o| o.status == status).collect();
    let mut docs: Vec<usize> = outliers
        .iter()
        .flat_map(|o| [o.claim.0, o.majority.0].into_iter().chain(o.others.iter().map(|r| r.0 .0)))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    let resident = data.corpus.resident(&docs);
    let claims = data.claims.of_many(&docs);
    outliers.into_iter().map(|o| finding(rule, &claims, &resident, o)).collect()
}

fn finding(rule: &'static str, claims: &HashMap<usize, Cow<'_, [Claim]>>, docs: &Resident<'_>, o: &Outlier) -> Finding {
    let claim = |r: ClaimRef| &claims[&r.0][r.1];
    let text = |r: ClaimRef| {
        let c = claim(r);
        docs.get(r.0).text.get(c.start..c.end).unwrap_or_default().to_string()
    };
    let (here, there) = (claim(o.claim), claim(o.majority));
    // Reports, not statements: a repeated paragraph is one report.
    let reports = |agree: bool| {
        let mut docs: Vec<usize> = o.others.iter().filter(|(_, a)| *a == agree).map(|(r, _)| r.0).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.retain(|&d| d != o.claim.0 || !agree);
        docs.len()
    };
    let (agreeing, with_this) = (reports(true), reports(false));
    let mut message = if o.tie {
        format!(
            "`{}` here is `{}` in {}; no majority says which is right",
            text(o.claim),
            text(o.majority),
            counted(agreeing, "other report", "other reports")
        )
    } else {
        format!(
            "`{}` here is `{}` in {}",
            text(o.claim),
            text(o.majority),
            counted(agreeing, "other report", "other reports")
        )
    };
    if o.status == Status::Magnitude {
        let k = (here.value / there.value).log10().round() as i32;
        message.push_str(&format!(" (off by a factor of 10^{})", k.abs()));
    }
    let unit = if here.unit.is_empty() { String::new() } else { format!(" {}", here.unit) };
    let help = format!(
        "normalized: {}{unit} here, {}{} there; {} with `{}`, {} with this one. Check the source before correcting either",
        here.value,
        there.value,
        if there.unit.is_empty() { String::new() } else { format!(" {}", there.unit) },
        counted(agreeing, "report agrees", "reports agree"),
        text(o.majority),
        with_this
    );
    let related = o
        .others
        .iter()
        .map(|&(r, agrees)| {
            let side = match (agrees, o.tie) {
                (true, false) => "agrees with the majority",
                (true, true) => "the report this one is checked against",
                (false, _) => "agrees with the flagged figure",
            };
            Related {
                place: Place::Text { doc: r.0, span: claim(r).start..claim(r).end },
                message: format!("stated as `{}` here ({side})", text(r)),
            }
        })
        .collect();
    Finding {
        rule,
        severity: super::severity(rule),
        fingerprint: fingerprint(&[rule, &docs.get(o.claim.0).name, &text(o.claim), &text(o.majority)]),
        message,
        help: Some(help),
        place: Place::Text { doc: o.claim.0, span: here.start..here.end },
        related,
    }
}
