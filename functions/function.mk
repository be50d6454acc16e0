# Included by each function's Makefile. sam build (BuildMethod: makefile) calls build-<LogicalId> there; every
# function depends on the shared module, so Maven builds from the repository root (samconfig.toml sets
# build_in_source, so that the root is reachable), and the shaded jar goes to lib/, which the Java runtime loads.
ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

# $(call lambda_jar,<maven artifact>,<module folder>,<classifier>): a module builds one jar per function (classifier
# "lambda", or "<name>-lambda" where the module serves several functions), each without what it never loads.
define lambda_jar
	cd "$(ROOT)" && ./dev package $(1)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp "$(ROOT)"/functions/$(2)/target/$(1)-*-$(3).jar "$(ARTIFACTS_DIR)/lib/"
endef
