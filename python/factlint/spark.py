"""factlint over a corpus too large for one machine, as a Spark job.

Every corpus rule of factlint is a join on keys, so the check runs as

    map      piece of the corpus -> per-document findings, and a row per document:
             figure keys, date, title, near-copy band keys, its body        (Rust)
    join     figures by key -> how many documents hold each -> candidate pairs of
             documents per figure -> links                                  (Spark, Rust decides)
    graph    components of the links and of translations by file name -> stories   (Spark)
    join     near copies grouped by sketch and by band bucket -> verified pairs     (Spark, Rust verifies)
    graph    components of the verified pairs -> clusters of copies                 (Spark)
    reduce   group by story -> the story rules; by cluster -> duplicate-document    (Rust)

and writes the findings as JSON Lines (one finding per line, in `factlint check`'s order
and shape) and SARIF. Memory on an executor is bounded by a piece of the corpus in the
map and by the largest component in the reduce, never by the corpus.

Run it with spark-submit (`integrations/spark/factlint_spark.py` is the script to submit),
or as `python -m factlint.spark --master 'local[2]' ...` for a local Spark. The package
must be installed where the executors run: the job's functions are imported there.

    spark-submit integrations/spark/factlint_spark.py CORPUS... --out OUT [--config factlint.toml]
"""

import argparse
import itertools
import json
import os
import sys
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import factlint
from factlint import engine

DOC_SCHEMA = T.StructType(
    [
        T.StructField("order", T.LongType(), False),
        T.StructField("keys", T.ArrayType(T.LongType(), False), False),
        T.StructField("day", T.LongType(), True),
        T.StructField("title", T.StringType(), True),
        T.StructField("parallel", T.StringType(), True),
        T.StructField("sketch", T.LongType(), True),
        T.StructField("bands", T.ArrayType(T.LongType(), False), False),
        T.StructField("sketch_bins", T.BinaryType(), False),
        T.StructField("body", T.BinaryType(), False),
    ]
)
FINDING_SCHEMA = T.StructType(
    [
        T.StructField("path", T.StringType(), False),
        T.StructField("record", T.LongType(), False),
        T.StructField("offset", T.LongType(), False),
        T.StructField("rule", T.StringType(), False),
        T.StructField("fingerprint", T.StringType(), False),
        T.StructField("json", T.StringType(), False),
    ]
)


_LINTERS = {}


class linter_factory:  # noqa: N801 (called like the function it stands for)
    """The job's Linter, made once per Python process (driver or worker) from its
    settings; the settings travel to the workers, the Linter does not."""

    def __init__(self, config, select, ignore):
        self.settings = (config, tuple(select or ()), tuple(ignore or ()))

    def __call__(self):
        if self.settings not in _LINTERS:
            config, select, ignore = self.settings
            _LINTERS[self.settings] = factlint.Linter(config, select=list(select), ignore=list(ignore))
        return _LINTERS[self.settings]


def map_pieces(spark, linter, pieces):
    """The map: every piece read where it runs; document rows and per-document findings."""
    sc = spark.sparkContext
    tagged = sc.parallelize(pieces, max(1, len(pieces))).flatMap(lambda piece: _mapped(linter(), piece))
    tagged = tagged.persist(StorageLevel.DISK_ONLY)
    docs = spark.createDataFrame(tagged.filter(lambda t: t[0] == "d").map(lambda t: t[1]), DOC_SCHEMA)
    found = tagged.filter(lambda t: t[0] == "f").map(lambda t: t[1])
    return docs, found, tagged


def _mapped(linter, piece):
    docs, found = linter.map_piece(piece)
    return [("d", d) for d in docs] + [("f", f) for f in found]


def story_links(spark, docs, cap):
    """Figure links: per distinctive figure, pairs of capable documents dated close
    together; per pair, the figures it shares; each pair decided in Rust."""
    exploded = docs.select("order", F.explode("keys").alias("key"))
    counts = exploded.groupBy("key").agg(F.count(F.lit(1)).alias("df"))
    with_df = exploded.join(counts, "key")
    per_doc = with_df.groupBy("order").agg(F.collect_list(F.struct("key", "df")).alias("kd"))
    info = per_doc.rdd.map(
        lambda r: (r["order"],) + tuple(engine.document_link([(x["key"], x["df"]) for x in r["kd"]], cap))
    )
    info = spark.createDataFrame(info, "order long, capable boolean, distinctive long")
    attrs = info.join(docs.select("order", "day", "title"), "order")
    capable = attrs.where("capable").select("order", "day")
    weighted = with_df.where((F.col("df") >= 2) & (F.col("df") <= cap)).join(capable, "order")
    members = weighted.groupBy("key", "df").agg(F.collect_list(F.struct("order", "day")).alias("members"))

    def pairs(row):
        ordered = sorted(row["members"], key=lambda m: m["order"])
        for a, b in itertools.combinations(ordered, 2):
            if engine.close(a["day"], b["day"]):
                yield (a["order"], b["order"], row["key"], row["df"])

    candidates = spark.createDataFrame(members.rdd.flatMap(pairs), "a long, b long, key long, df long")
    shared = candidates.groupBy("a", "b").agg(F.collect_list(F.struct("key", "df")).alias("shared"))
    def side(name):
        return attrs.select(F.col("order").alias(name), F.struct("day", "title", "distinctive").alias(name + "_side"))

    joined = shared.join(side("a"), "a").join(side("b"), "b")

    def decide(row):
        a, b = row["a_side"], row["b_side"]
        weight = engine.pair_link(
            (a["day"], a["title"], a["distinctive"]),
            (b["day"], b["title"], b["distinctive"]),
            [(x["key"], x["df"]) for x in row["shared"]],
            cap,
        )
        if weight is not None:
            yield (row["a"], row["b"], weight)

    return spark.createDataFrame(joined.rdd.flatMap(decide), "a long, b long, weight double")


def star(groups, first, members):
    """Edges from each group's first member to its others."""
    return groups.select(F.col(first).alias("src"), F.explode(members).alias("dst")).where("src != dst")


def verified_copies(spark, linter, docs):
    """Near copies: the copies of one sketch are candidates against its first text; the
    first texts of each band bucket are candidates against each other when their sketches
    say they may be near (decided in Rust from the sketches alone). Buckets holding more
    than MAX_BUCKET first texts are crowded: skipped here, and given to the reduce, which
    skips them too. Each candidate pair is then verified in Rust with both texts. Returns
    the verified pairs, the crowded buckets, and every sketched document's bands."""
    sketched = docs.where(F.col("sketch").isNotNull()).select("order", "sketch", "bands", "sketch_bins")
    copies = sketched.groupBy("sketch").agg(F.min("order").alias("first"), F.collect_list("order").alias("members"))
    firsts = copies.select(F.col("first").alias("order")).join(sketched, "order")
    banded = firsts.select("order", "sketch_bins", F.posexplode("bands").alias("band", "hash"))
    buckets = banded.groupBy("band", "hash").agg(
        F.count(F.lit(1)).alias("size"), F.collect_list(F.struct("order", "sketch_bins")).alias("members")
    )
    crowded = buckets.where(F.col("size") > engine.MAX_BUCKET).select("band", "hash")
    usable = buckets.where((F.col("size") >= 2) & (F.col("size") <= engine.MAX_BUCKET))
    in_buckets = usable.rdd.flatMap(
        lambda r: linter().bucket_candidates([(m["order"], bytes(m["sketch_bins"])) for m in r["members"]])
    )
    candidates = star(copies, "first", "members").union(spark.createDataFrame(in_buckets, "src long, dst long"))
    candidates = candidates.distinct()
    bodies = docs.select("order", "body")
    with_bodies = candidates.join(bodies.select(F.col("order").alias("src"), F.col("body").alias("a")), "src").join(
        bodies.select(F.col("order").alias("dst"), F.col("body").alias("b")), "dst"
    )

    def verify(r):
        return linter().near_copies([(r["src"], bytes(r["a"])), (r["dst"], bytes(r["b"]))], True)

    pairs = spark.createDataFrame(with_bodies.rdd.flatMap(verify), "src long, dst long")
    return pairs, crowded, sketched.select("order", F.posexplode("bands").alias("band", "hash"))


def components(spark, edges, checkpoint_every=4):
    """Connected components of a graph, in Spark: every document takes the smallest label
    among its neighbours' until no label changes. A component is labelled by its first
    document."""
    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).distinct()
    both = both.persist(StorageLevel.DISK_ONLY)
    labels = both.select(F.col("src").alias("id")).distinct().withColumn("label", F.col("id"))
    rounds = 0
    while True:
        rounds += 1
        heard = both.join(labels, both.src == labels.id).select(F.col("dst").alias("id"), "label")
        updated = heard.union(labels).groupBy("id").agg(F.min("label").alias("label"))
        updated = (
            updated.localCheckpoint() if rounds % checkpoint_every == 0 else updated.persist(StorageLevel.DISK_ONLY)
        )
        changed = updated.alias("n").join(labels.alias("o"), "id").where(F.col("n.label") != F.col("o.label")).count()
        labels = updated
        if changed == 0:
            return labels, rounds


def reduce_components(linter, part, docs, labels, links=None, crowded=None):
    """The reduce: each component's documents (with its links, or its crowded buckets),
    checked in Rust."""
    members = labels.join(docs.select(F.col("order").alias("id"), "body"), "id")
    items = members.rdd.map(lambda r: (r["label"], ("d", r["id"], r["body"])))
    if links is not None:
        in_links = links.join(labels, links.a == labels.id).select("label", "a", "b", "weight")
        items = items.union(in_links.rdd.map(lambda r: (r["label"], ("l", r["a"], r["b"], r["weight"]))))
    if crowded is not None:
        items = items.union(crowded.rdd.map(lambda r: (r["label"], ("c", r["band"], r["hash"]))))

    def check(group):
        _, rows = group
        documents, found_links, found_crowded = [], [], []
        for item in rows:
            if item[0] == "d":
                documents.append((item[1], bytes(item[2])))
            elif item[0] == "l":
                found_links.append((item[1], item[2], item[3]))
            else:
                found_crowded.append((item[1], item[2]))
        return linter().reduce(part, documents, found_links, found_crowded)

    return items.groupByKey().flatMap(check)


def sizes(labels):
    """(components, documents in the largest)."""
    row = labels.groupBy("label").count().agg(F.count(F.lit(1)).alias("n"), F.max("count").alias("largest")).first()
    return row["n"] or 0, row["largest"] or 0


def log_stderr(message):
    print(message, file=sys.stderr, flush=True)


def run(spark, inputs, out, config=None, select=None, ignore=None, log=log_stderr):
    """Checks `inputs` (files and folders) and writes OUT/findings.jsonl and
    OUT/findings.sarif. Returns the number of findings of each severity."""
    started = time.monotonic()
    linter = linter_factory(config, select, ignore)
    pieces, unreadable = linter().plan(list(inputs))
    docs, per_document, tagged = map_pieces(spark, linter, pieces)
    docs = docs.persist(StorageLevel.DISK_ONLY)
    n = docs.count()
    log(f"factlint: {len(pieces)} pieces, {n} documents mapped in {time.monotonic() - started:.1f} s")
    cap = engine.key_cap(n)
    links = story_links(spark, docs, cap).persist(StorageLevel.DISK_ONLY)
    named = docs.where(F.col("parallel").isNotNull()).groupBy("parallel")
    named = named.agg(F.min("order").alias("first"), F.collect_list("order").alias("members"))
    edges = links.select(F.col("a").alias("src"), F.col("b").alias("dst")).union(star(named, "first", "members"))
    stories, rounds = components(spark, edges)
    count, largest = sizes(stories)
    log(
        f"factlint: {links.count()} figure links; {count} stories (components; the largest of {largest} documents) "
        f"in {rounds} rounds, {time.monotonic() - started:.1f} s"
    )
    pairs, crowded, banded = verified_copies(spark, linter, docs)
    pairs = pairs.persist(StorageLevel.DISK_ONLY)
    clusters, rounds = components(spark, pairs)
    count, largest = sizes(clusters)
    log(
        f"factlint: {pairs.count()} verified near-copy pairs; {count} clusters (the largest of {largest} documents) "
        f"in {rounds} rounds, {time.monotonic() - started:.1f} s"
    )
    crowded_here = (
        banded.join(crowded, ["band", "hash"]).join(clusters, banded.order == clusters.id).select("label", "band", "hash")
    ).distinct()
    corpus_findings = reduce_components(linter, "stories", docs, stories, links=links).union(
        reduce_components(linter, "copies", docs, clusters, crowded=crowded_here)
    )
    rows = spark.sparkContext.parallelize(unreadable, 1).union(per_document).union(corpus_findings)
    findings = spark.createDataFrame(rows, FINDING_SCHEMA)
    ordered = findings.orderBy("path", "record", "offset", "rule", "fingerprint", "json").select("json")
    os.makedirs(out, exist_ok=True)
    texts, severities = [], {"error": 0, "warning": 0, "info": 0}
    with open(os.path.join(out, "findings.jsonl"), "w", encoding="utf-8") as lines:
        for row in ordered.toLocalIterator():
            lines.write(row["json"] + "\n")
            texts.append(row["json"])
            severities[json.loads(row["json"])["severity"]] += 1
    with open(os.path.join(out, "findings.sarif"), "w", encoding="utf-8") as sarif:
        sarif.write(linter().sarif(texts))
    tagged.unpersist()
    log(f"factlint: {len(texts)} findings in {time.monotonic() - started:.1f} s")
    return severities


def main(argv=None):
    parser = argparse.ArgumentParser(description="factlint check as a Spark job")
    parser.add_argument("inputs", nargs="+", help="files and folders (JSON Lines, Parquet, articles)")
    parser.add_argument("--out", required=True, help="folder for findings.jsonl and findings.sarif")
    parser.add_argument("--config", help="a factlint.toml, readable at this path on every executor")
    parser.add_argument("--select", action="append", help="only this rule (repeatable)")
    parser.add_argument("--ignore", action="append", help="not this rule (repeatable)")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    parser.add_argument(
        "--driver-memory",
        help="spark.driver.memory (with --master, where the driver is the only executor: 2g unless given)",
    )
    parser.add_argument(
        "--shuffle-partitions",
        type=int,
        help="spark.sql.shuffle.partitions (with --master, 8 unless given: Spark's 200 are far too many for one machine)",
    )
    args = parser.parse_args(argv)
    try:
        # A configuration or rule that is wrong stops the job before Spark starts.
        factlint.Linter(args.config, select=args.select, ignore=args.ignore)
    except (OSError, ValueError) as e:
        print(f"factlint: {e}", file=sys.stderr)
        return 2
    # Python workers need factlint: without a choice made, they run this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("factlint").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    memory = args.driver_memory or ("2g" if args.master else None)
    if memory:
        builder = builder.config("spark.driver.memory", memory)
    partitions = args.shuffle_partitions or (8 if args.master else None)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        found = run(spark, args.inputs, args.out, args.config, args.select, args.ignore)
    finally:
        spark.stop()
    # As `factlint check` exits by default: 1 when a finding is a warning or an error (2,
    # above, when the configuration or the command line is wrong).
    return 1 if found["error"] or found["warning"] else 0


if __name__ == "__main__":
    # Run as `python -m factlint.spark`: work from the importable module, so that what the
    # workers are sent names its functions instead of carrying this script's globals.
    from factlint.spark import main as module_main

    sys.exit(module_main())
