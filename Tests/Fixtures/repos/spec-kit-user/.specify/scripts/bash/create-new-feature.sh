#!/usr/bin/env bash
echo "create a feature"
