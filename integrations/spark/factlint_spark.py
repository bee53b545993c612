"""The script to hand to spark-submit: `factlint check` as a Spark job (factlint.spark).

    spark-submit integrations/spark/factlint_spark.py CORPUS... --out OUT [--config factlint.toml]
"""

import sys

from factlint.spark import main

if __name__ == "__main__":
    sys.exit(main())
