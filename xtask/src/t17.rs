//! Timeline17's layout, shared by the evaluations that read it: input articles at
//! `<topic folder>/InputDocs/<YYYY-MM-DD>/<file>`, the day folder being the publication date.

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;

/// One input article file.
pub(crate) struct InputFile {
    /// The topic folder's name (`bpoil_bbc`).
    pub folder: String,
    /// The day folder: the publication date.
    pub day: NaiveDate,
    pub path: PathBuf,
}

/// The entries of a folder, sorted by path.
pub(crate) fn sorted_entries(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    out.sort();
    Ok(out)
}

/// The input files of one topic folder, or of every topic when `dir` is the dataset's
/// root, sorted by path. Day folders whose name is not a date are skipped.
pub(crate) fn input_files(dir: &Path) -> anyhow::Result<Vec<InputFile>> {
    let topics = if dir.join("InputDocs").is_dir() {
        vec![dir.to_path_buf()]
    } else {
        sorted_entries(dir)?
    };
    let mut out = Vec::new();
    for topic in topics {
        let docs = topic.join("InputDocs");
        if !docs.is_dir() {
            continue;
        }
        let folder = topic
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for day_dir in sorted_entries(&docs)? {
            let name = day_dir
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let Ok(day) = NaiveDate::parse_from_str(&name, "%Y-%m-%d") else {
                continue;
            };
            for path in sorted_entries(&day_dir)? {
                out.push(InputFile {
                    folder: folder.clone(),
                    day,
                    path,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_dated_files_of_one_topic_or_all() {
        let root = std::env::temp_dir().join(format!("t17-layout-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (topic, day, file) in [
            ("ferry_post", "2030-01-02", "b.txt"),
            ("ferry_post", "2030-01-02", "a.txt"),
            ("ferry_post", "notes", "x.txt"),
            ("mill_wire", "2030-02-01", "c.txt"),
        ] {
            let d = root.join(topic).join("InputDocs").join(day);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join(file), "text").unwrap();
        }
        let all = input_files(&root).unwrap();
        let names: Vec<_> = all
            .iter()
            .map(|f| (f.folder.as_str(), f.path.file_name().unwrap().to_str().unwrap()))
            .collect();
        assert_eq!(
            names,
            [
                ("ferry_post", "a.txt"),
                ("ferry_post", "b.txt"),
                ("mill_wire", "c.txt")
            ]
        );
        assert_eq!(all[2].day, NaiveDate::from_ymd_opt(2030, 2, 1).unwrap());
        assert_eq!(input_files(&root.join("mill_wire")).unwrap().len(), 1);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
