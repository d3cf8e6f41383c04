# make install PREFIX=/usr/local   — the release binary, its resource bundles, themes, man page, completions.
# make static                      — a binary with the Swift runtime linked in, to copy onto a server
#                                    (needs libcurl4-openssl-dev; `make install EXTRA=--static-swift-stdlib` installs it).
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
CONFIG ?= release
EXTRA ?=

BIN_PATH = $(shell $(SWIFT) build -c $(CONFIG) $(EXTRA) --show-bin-path)

.PHONY: all build static install uninstall test

all: build

build:
	$(SWIFT) build -c $(CONFIG) $(EXTRA) --product switchboard

# FoundationNetworking links libcurl: a static-stdlib build needs its development files (the .so to link against).
static:
	@printf 'int main(void){return 0;}' | clang -x c - -lcurl -o /dev/null 2>/dev/null || \
	  { echo "make static: libcurl's development files are missing: apt-get install libcurl4-openssl-dev"; exit 1; }
	$(MAKE) build EXTRA=--static-swift-stdlib

test:
	$(SWIFT) test

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/switchboard/themes" \
	  "$(DESTDIR)$(PREFIX)/share/man/man1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$(BIN_PATH)/switchboard" "$(DESTDIR)$(PREFIX)/bin/switchboard"
	# Resource bundles (demo data, sentiment model) live beside the binary, where it looks for them.
	rm -rf "$(DESTDIR)$(PREFIX)/bin/Switchboard_switchboard.resources" "$(DESTDIR)$(PREFIX)/bin/Switchboard_Insight.resources"
	cp -R "$(BIN_PATH)/Switchboard_switchboard.resources" "$(BIN_PATH)/Switchboard_Insight.resources" "$(DESTDIR)$(PREFIX)/bin/"
	install -m 644 Themes/*.json "$(DESTDIR)$(PREFIX)/share/switchboard/themes/"
	"$(BIN_PATH)/switchboard" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/switchboard"
	"$(BIN_PATH)/switchboard" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_switchboard"
	"$(BIN_PATH)/switchboard" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/switchboard.fish"
	$(SWIFT) package plugin generate-manual --configuration $(CONFIG) >/dev/null
	install -m 644 .build/plugins/GenerateManual/outputs/switchboard/switchboard.1 "$(DESTDIR)$(PREFIX)/share/man/man1/switchboard.1"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/bin/switchboard" "$(DESTDIR)$(PREFIX)/bin/Switchboard_switchboard.resources" \
	  "$(DESTDIR)$(PREFIX)/bin/Switchboard_Insight.resources" "$(DESTDIR)$(PREFIX)/share/switchboard" \
	  "$(DESTDIR)$(PREFIX)/share/man/man1/switchboard.1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/switchboard" \
	  "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_switchboard" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/switchboard.fish"
