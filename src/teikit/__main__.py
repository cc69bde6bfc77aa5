import sys

from teikit.cli import main

sys.exit(main())
