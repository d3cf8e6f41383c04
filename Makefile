# make install PREFIX=/usr/local   — the release binary, its resource bundles, themes, man page, completions.
# make static                      — a binary with the Swift runtime linked in, to copy onto a server
#                                    (needs libcurl4-openssl-dev; `make install EXTRA=--static-swift-stdlib` installs it).
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
CONFIG ?= release
EXTRA ?=

BIN_PATH = $(shell $(SWIFT) build -c $(CONFIG) $(EXTRA) --show-bin-path)

SHARE = $(DESTDIR)$(PREFIX)/share/switchboard
BUNDLES = Switchboard_switchboard.resources Switchboard_Insight.resources Switchboard_SwitchboardCore.resources

.PHONY: all build static install uninstall test clean check-build-dir

all: build

# A .build copied with the checkout from another folder holds that folder's absolute paths, and SwiftPM fails on
# them with errors that do not say so: set it aside first (it is only a cache).
check-build-dir:
	@for f in .build/debug.yaml .build/release.yaml; do \
	  if [ -f "$$f" ] && ! grep -qF "$(CURDIR)/" "$$f"; then \
	    echo "make: .build was made in another folder (a copied checkout): removing it, it is only a build cache"; \
	    rm -rf .build; break; \
	  fi; \
	done

build: check-build-dir
	$(SWIFT) build -c $(CONFIG) $(EXTRA) --product switchboard

clean:
	rm -rf .build

# FoundationNetworking links libcurl: a static-stdlib build needs its development files (the .so to link against).
static:
	@printf 'int main(void){return 0;}' | clang -x c - -lcurl -o /dev/null 2>/dev/null || \
	  { echo "make static: libcurl's development files are missing: apt-get install libcurl4-openssl-dev"; exit 1; }
	$(MAKE) build EXTRA=--static-swift-stdlib

test:
	$(SWIFT) test

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(SHARE)/themes" \
	  "$(DESTDIR)$(PREFIX)/share/man/man1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BIN_PATH)/switchboard" "$(DESTDIR)$(PREFIX)/bin/switchboard"
	# Resource bundles (demo data, sentiment model) under share/switchboard, where the binary looks for them
	# (../share/switchboard from its own folder); none are left in bin/ by an older version.
	for b in $(BUNDLES); do rm -rf "$(DESTDIR)$(PREFIX)/bin/$$b" "$(SHARE)/$$b"; cp -R "$(BIN_PATH)/$$b" "$(SHARE)/"; done
	install -m 644 Themes/*.json "$(SHARE)/themes/"
	"$(BIN_PATH)/switchboard" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/switchboard"
	"$(BIN_PATH)/switchboard" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_switchboard"
	"$(BIN_PATH)/switchboard" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/switchboard.fish"
	$(SWIFT) package plugin generate-manual --configuration $(CONFIG) >/dev/null
	Scripts/man-sections .build/plugins/GenerateManual/outputs/switchboard/switchboard.1 \
	  > "$(DESTDIR)$(PREFIX)/share/man/man1/switchboard.1"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/bin/switchboard" "$(DESTDIR)$(PREFIX)/bin/Switchboard_switchboard.resources" \
	  "$(DESTDIR)$(PREFIX)/bin/Switchboard_Insight.resources" "$(SHARE)" \
	  "$(DESTDIR)$(PREFIX)/share/man/man1/switchboard.1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/switchboard" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_switchboard" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/switchboard.fish"
