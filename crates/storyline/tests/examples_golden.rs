//! The records `storyline analyze` gives for the example corpus, compared whole with a
//! reviewed snapshot: any change to what the pipeline produces shows here, and is
//! accepted only with the schema note that explains it (`docs/schema.md`).

use std::path::Path;

use storyline::run::{self, Observer, RunOptions};
use storyline::{Pipeline, PipelineConfig};

struct Quiet;
impl Observer for Quiet {}

#[test]
fn example_corpus_records_are_as_reviewed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let mut a = run::analyze_paths(
        std::slice::from_ref(&root),
        &p,
        RunOptions { jobs: 1 },
        &mut Quiet,
    )
    .unwrap();
    assert!(a.failures.is_empty(), "{:?}", a.failures);
    for art in &mut a.articles {
        // Where the checkout is does not matter.
        let name = Path::new(&art.source.path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        art.source.path = name;
    }
    insta::assert_json_snapshot!("example_corpus", a.articles);
}
