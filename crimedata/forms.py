from django import forms


class StreetUploadForm(forms.Form):
    file = forms.FileField(
        label="Street-level crime file",
        help_text="A data.police.uk street CSV (YYYY-MM-<force>-street.csv) or a zip archive of them.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.zip"}),
    )


class LookupUploadForm(forms.Form):
    file = forms.FileField(
        label="LSOA to district lookup (CSV)",
        help_text="The ONS lookup: columns such as LSOA11CD or LSOA21CD, LAD19CD and LAD19NM.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv"}),
    )


class PopulationUploadForm(forms.Form):
    file = forms.FileField(
        label="Population table (CSV)",
        help_text="Columns: area code, area name, year, population.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv"}),
    )
    name = forms.CharField(label="Name of the table", max_length=200)
    source = forms.CharField(
        label="Source", help_text="Where the figures come from.", widget=forms.Textarea(attrs={"rows": 2})
    )
    is_example = forms.BooleanField(label="These are made-up example figures", required=False)


class WeightsUploadForm(forms.Form):
    file = forms.FileField(
        label="Harm weights (CSV)",
        help_text="Columns: crime type, weight.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv"}),
    )
    name = forms.CharField(label="Name of the weight set", max_length=200)
    version = forms.CharField(label="Version", max_length=60)
    source = forms.CharField(label="Source", widget=forms.Textarea(attrs={"rows": 2}))
    is_example = forms.BooleanField(label="These are made-up example weights", required=False)


class BoundariesUploadForm(forms.Form):
    file = forms.FileField(
        label="LSOA boundaries (GeoJSON)",
        help_text=(
            "An ONS GeoJSON file in longitude/latitude with LSOA11CD or LSOA21CD properties (the "
            "generalised 'BGC' boundaries are small enough). GeoPackage files cannot be read."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".geojson,.json"}),
    )
    name = forms.CharField(label="Name of the boundary set", max_length=200)
    source = forms.CharField(label="Source", widget=forms.Textarea(attrs={"rows": 2}))
    is_example = forms.BooleanField(label="These are made-up example shapes", required=False)
