# Build one sketch for an Arduino Uno with Debian's arduino-builder (no Java, no IDE).
# Included by <sketch>/Makefile. Packages: gcc-avr avr-libc arduino-core-avr arduino-builder
# arduino-ctags. Usage (in a sketch directory):
#   make                  build BUILD/<sketch>.ino.elf and .hex (BUILD defaults to ./build)
#   make BUILD=/tmp/x     build elsewhere (the tests do this)
#   make size             flash and RAM use
#   make clean
# Fails if the compiler warns (-Wall -Wextra) about the sketch itself; warnings inside the
# Arduino core are not ours and are left alone.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec

SKETCH := $(notdir $(CURDIR))
BUILD ?= build
FQBN ?= arduino:avr:uno
ARDUINO_HARDWARE ?= /usr/share/arduino/hardware
BUILDER_HARDWARE ?= /usr/share/arduino-builder
# arduino-core-avr 1.8.7's WString.cpp needs DECIMAL_DIG, which gcc-avr 5.4 names __DECIMAL_DIG__
# (ArduinoCore-avr issue #633)
EXTRA_FLAGS ?= -DDECIMAL_DIG=__DECIMAL_DIG__
ELF := $(BUILD)/$(SKETCH).ino.elf

.PHONY: all size clean check-tools
all: $(ELF)

check-tools:
	@for t in arduino-builder arduino-ctags avr-gcc avr-size; do \
	  command -v $$t >/dev/null || { echo "$$t not found: apt-get install gcc-avr avr-libc arduino-core-avr arduino-builder arduino-ctags" >&2; exit 1; }; \
	done
	@test -d $(ARDUINO_HARDWARE)/arduino/avr/cores/arduino || { echo "Arduino AVR core not found in $(ARDUINO_HARDWARE): apt-get install arduino-core-avr" >&2; exit 1; }

$(ELF): $(SKETCH).ino $(wildcard *.h) Makefile ../sketch.mk | check-tools
	mkdir -p $(BUILD)
	arduino-builder -compile -hardware $(ARDUINO_HARDWARE) -hardware $(BUILDER_HARDWARE) \
	  -tools /usr/bin -fqbn $(FQBN) -build-path $(abspath $(BUILD)) -warnings all \
	  -prefs compiler.cpp.extra_flags="$(EXTRA_FLAGS)" $(SKETCH).ino 2>&1 | tee $(BUILD)/build.log
	@if grep -n "$(SKETCH).ino:[0-9]*:[0-9]*: warning" $(BUILD)/build.log; then \
	  echo "$(SKETCH): the compiler warns about the sketch (above)" >&2; rm -f $(ELF); exit 1; fi

size: $(ELF)
	avr-size -C --mcu=atmega328p $(ELF)

clean:
	rm -rf $(BUILD)
